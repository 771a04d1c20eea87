namespace ChatRag.Ingestion.Ocr;

/// <summary>What the caller of an extraction hears while scanned pages are OCR'd.</summary>
public sealed class OcrListener
{
    /// <summary>Told (pages done, pages in all) as pages are read; the total can grow (see <see cref="Readers.ReaderContext.OcrProgress"/>).</summary>
    public IProgress<(int Done, int Total)>? Progress { get; init; }

    /// <summary>
    /// Told the time each page sent to OCR adds to the extraction's limit (its <see cref="OcrOptions.PageTimeoutSeconds"/>),
    /// so an enclosing limit (the job's) can grow alike.
    /// </summary>
    public Action<TimeSpan>? DeadlineExtended { get; init; }
}
