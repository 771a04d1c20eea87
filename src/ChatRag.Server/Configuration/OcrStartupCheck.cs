using ChatRag.Ingestion.Ocr;

namespace ChatRag.Server.Configuration;

/// <summary>
/// Probes Tesseract and pdftoppm once at start-up and says in the log whether scans and images can be read, naming
/// the packages to install when they cannot; uploads of text documents work either way.
/// </summary>
internal sealed partial class OcrStartupCheck(IOcrEngine ocr, IHostApplicationLifetime lifetime, ILogger<OcrStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = LogAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LogAsync()
    {
        try
        {
            var availability = await ocr.GetAvailabilityAsync(lifetime.ApplicationStopping);
            if (availability.Available)
            {
                Enabled(logger, availability.Engine ?? "tesseract", availability.Languages);
            }
            else
            {
                Disabled(logger, availability.Reason ?? "unknown", OcrOptions.Packages);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down before the probe finished.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OCR enabled: {Engine}, languages {Languages}.")]
    private static partial void Enabled(ILogger logger, string engine, string languages);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OCR disabled: {Reason} Scanned PDFs and images will fail until the packages are installed: {Packages}.")]
    private static partial void Disabled(ILogger logger, string reason, string packages);
}
