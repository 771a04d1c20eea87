using ChatRag.Ingestion.Ocr;

namespace ChatRag.Server.Tests;

/// <summary>
/// The real Tesseract engine, except that the recognition of page <paramref name="holdAtCall"/> waits until the
/// test releases it, so the state in between can be observed through the API without timing.
/// </summary>
internal sealed class GatedOcrEngine(IOcrEngine inner, int holdAtCall) : IOcrEngine
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int calls;

    public OcrOptions Options => inner.Options;

    public void Release() => release.TrySetResult();

    public Task<OcrAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default) => inner.GetAvailabilityAsync(cancellationToken);

    public async Task<IReadOnlyList<OcrPage>> RecognizeAsync(string imagePath, int pages, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref calls) == holdAtCall)
        {
            await release.Task.WaitAsync(cancellationToken);
        }

        return await inner.RecognizeAsync(imagePath, pages, cancellationToken);
    }

    public Task<string> RenderPdfPageAsync(string pdfPath, int page, int dpi, string directory, CancellationToken cancellationToken = default) =>
        inner.RenderPdfPageAsync(pdfPath, page, dpi, directory, cancellationToken);
}
