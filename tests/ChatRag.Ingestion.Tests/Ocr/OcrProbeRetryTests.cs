using ChatRag.Ingestion.Ocr;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatRag.Ingestion.Tests.Ocr;

/// <summary>
/// A failed OCR probe is not kept until restart: after <see cref="OcrOptions.ProbeRetrySeconds"/> the next question
/// probes again, so installing Tesseract on a running server turns OCR on (and the status route says so).
/// </summary>
[Trait("Category", "Ocr")]
public sealed class OcrProbeRetryTests : IDisposable
{
    private readonly DirectoryInfo bin = Directory.CreateTempSubdirectory("chatrag-probe-");

    public void Dispose() => bin.Delete(recursive: true);

    [OcrFact]
    public async Task Tesseract_installed_after_a_failed_probe_is_found_once_the_retry_interval_has_passed()
    {
        var tesseract = Path.Combine(bin.FullName, "tesseract");
        var clock = new FakeTimeProvider();
        using var engine = new TesseractOcrEngine(Options.Create(new OcrOptions { TesseractPath = tesseract, ProbeRetrySeconds = 300 }), clock);
        var missing = await engine.GetAvailabilityAsync();
        Assert.False(missing.Available);

        // "Installed" while the server runs: within the interval the failure still stands (no probe per document).
        File.CreateSymbolicLink(tesseract, OnPath("tesseract"));
        clock.Advance(TimeSpan.FromSeconds(299));
        Assert.False((await engine.GetAvailabilityAsync()).Available);

        clock.Advance(TimeSpan.FromSeconds(1));
        var found = await engine.GetAvailabilityAsync();
        Assert.True(found.Available, found.Reason);
        Assert.StartsWith("tesseract", found.Engine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ocr_turned_off_in_configuration_is_never_probed_again()
    {
        var clock = new FakeTimeProvider();
        using var engine = new TesseractOcrEngine(Options.Create(new OcrOptions { Enabled = false, ProbeRetrySeconds = 1 }), clock);
        var first = await engine.GetAvailabilityAsync();

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Same(first, await engine.GetAvailabilityAsync());
    }

    private static string OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, tool)).First(File.Exists);
}
