using ChatRag.Ingestion.Ocr;

namespace ChatRag.Ingestion.Tests.Ocr;

/// <summary>The real engine, each recognition started after <paramref name="delay"/>: a slow machine, made certain.</summary>
internal sealed class DelayedOcrEngine(IOcrEngine inner, TimeSpan delay) : IOcrEngine
{
    public OcrOptions Options => inner.Options;

    public Task<OcrAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default) => inner.GetAvailabilityAsync(cancellationToken);

    public async Task<IReadOnlyList<OcrPage>> RecognizeAsync(string imagePath, int pages, CancellationToken cancellationToken = default)
    {
        await Task.Delay(delay, cancellationToken);
        return await inner.RecognizeAsync(imagePath, pages, cancellationToken);
    }

    public Task<string> RenderPdfPageAsync(string pdfPath, int page, int dpi, string directory, CancellationToken cancellationToken = default) =>
        inner.RenderPdfPageAsync(pdfPath, page, dpi, directory, cancellationToken);
}
