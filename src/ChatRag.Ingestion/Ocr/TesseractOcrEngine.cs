using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Ocr;

/// <summary>
/// Tesseract and pdftoppm through their command lines: nothing native is loaded into the server, a crash or a
/// runaway page costs one killed process. A process-wide semaphore bounds how many run at once.
/// </summary>
public sealed class TesseractOcrEngine : IOcrEngine, IDisposable
{
    /// <summary>Most TSV characters read for one page (a dense page prints about 50,000).</summary>
    internal const int MaxTsvCharactersPerPage = 4 * 1024 * 1024;

    /// <summary>Most TSV characters read for one image, whatever its frames.</summary>
    internal const int MaxTsvCharacters = 128 * 1024 * 1024;

    private readonly SemaphoreSlim slots;
    private readonly TimeProvider clock;
    private readonly Lock probeGate = new();
    private Task<OcrAvailability>? probe;
    private DateTimeOffset probedAt;

    /// <summary>Creates the engine; nothing runs until the first page or availability probe.</summary>
    /// <param name="options">The OCR options.</param>
    /// <param name="clock">Time for the probe's retry interval; the system clock when null.</param>
    public TesseractOcrEngine(IOptions<OcrOptions> options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        this.clock = clock ?? TimeProvider.System;
        slots = new SemaphoreSlim(Options.MaxConcurrency, Options.MaxConcurrency);
    }

    /// <inheritdoc />
    public OcrOptions Options { get; }

    /// <inheritdoc />
    /// <remarks>
    /// A success is kept; a failure (tools missing) is kept for <see cref="OcrOptions.ProbeRetrySeconds"/>, then the
    /// next caller probes again, so the status route and scans see an install without a restart. Concurrent callers
    /// share one probe.
    /// </remarks>
    public Task<OcrAvailability> GetAvailabilityAsync(CancellationToken cancellationToken = default)
    {
        Task<OcrAvailability> probe;
        lock (probeGate)
        {
            var now = clock.GetUtcNow();
            if (this.probe is null || (Failed(this.probe) && now - probedAt >= TimeSpan.FromSeconds(Options.ProbeRetrySeconds)))
            {
                this.probe = ProbeAsync();
                probedAt = now;
            }

            probe = this.probe;
        }

        return probe.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<OcrPage>> RecognizeAsync(string imagePath, int pages, CancellationToken cancellationToken = default)
    {
        // A dense page is some 50,000 characters of TSV; noise that Tesseract takes for words must not fill memory.
        var limit = (int)Math.Min((long)MaxTsvCharactersPerPage * Math.Max(1, pages), MaxTsvCharacters);
        ProcessResult result;
        try
        {
            result = await RunBoundedAsync(
                Options.TesseractPath,
                [imagePath, "stdout", "-l", Options.Languages, "--psm", "3", "tsv"],
                TimeSpan.FromSeconds((double)Options.PageTimeoutSeconds * Math.Max(1, pages)),
                cancellationToken,
                limit);
        }
        catch (InvalidDataException ex)
        {
            throw new Errors.DocumentLimitExceededException(
                $"OCR found more than {limit:N0} characters of words and boxes on {(pages == 1 ? "one page" : $"{pages:N0} pages")}, far more than a page of text holds; the image is probably noise, so it was stopped.",
                ex);
        }

        if (result.ExitCode != 0)
        {
            throw new InvalidDataException($"Tesseract could not read the image: {FirstLine(result.StandardError)}");
        }

        return TesseractTsv.Parse(result.StandardOutput, Options.MinWordConfidence);
    }

    /// <inheritdoc />
    public async Task<string> RenderPdfPageAsync(string pdfPath, int page, int dpi, string directory, CancellationToken cancellationToken = default)
    {
        var prefix = Path.Combine(directory, "page-" + page.ToString(CultureInfo.InvariantCulture));
        var number = page.ToString(CultureInfo.InvariantCulture);
        var result = await RunBoundedAsync(
            Options.PdftoppmPath,
            ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", number, "-l", number, "-singlefile", "-png", "-gray", pdfPath, prefix],
            TimeSpan.FromSeconds(Options.PageTimeoutSeconds),
            cancellationToken);
        var output = prefix + ".png";
        if (result.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidDataException($"pdftoppm could not render page {page}: {FirstLine(result.StandardError)}");
        }

        return output;
    }

    /// <inheritdoc />
    public void Dispose() => slots.Dispose();

    private async Task<ProcessResult> RunBoundedAsync(
        string tool, string[] arguments, TimeSpan timeout, CancellationToken cancellationToken, int maxOutputCharacters = ExternalProcess.DefaultMaxOutputCharacters)
    {
        await slots.WaitAsync(cancellationToken);
        try
        {
            return await ExternalProcess.RunAsync(tool, arguments, timeout, cancellationToken, maxOutputCharacters);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>A finished probe that found the tools missing (OCR turned off in configuration is not a failure to retry).</summary>
    private bool Failed(Task<OcrAvailability> probe) =>
        probe.IsCompleted && Options.Enabled && (!probe.IsCompletedSuccessfully || !probe.Result.Available);

    private async Task<OcrAvailability> ProbeAsync()
    {
        if (!Options.Enabled)
        {
            return new OcrAvailability(false, null, Options.Languages, "OCR is turned off (ChatRag:Ocr:Enabled is false).");
        }

        var missing = $"Install the packages {OcrOptions.Packages} (Debian/Ubuntu) or set ChatRag:Ocr:TesseractPath and PdftoppmPath.";
        try
        {
            var version = await ExternalProcess.RunAsync(Options.TesseractPath, ["--version"], TimeSpan.FromSeconds(30), CancellationToken.None);
            var engine = FirstLine(version.StandardOutput + "\n" + version.StandardError);
            var langs = await ExternalProcess.RunAsync(Options.TesseractPath, ["--list-langs"], TimeSpan.FromSeconds(30), CancellationToken.None);
            var installed = (langs.StandardOutput + "\n" + langs.StandardError).Split('\n', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            var absent = Options.Languages.Split('+').Where(l => !installed.Contains(l)).ToList();
            if (absent.Count > 0)
            {
                return new OcrAvailability(false, engine, Options.Languages,
                    $"Tesseract has no data for {string.Join(", ", absent)}. Install tesseract-ocr-{string.Join(" tesseract-ocr-", absent)} or change ChatRag:Ocr:Languages.");
            }

            await ExternalProcess.RunAsync(Options.PdftoppmPath, ["-v"], TimeSpan.FromSeconds(30), CancellationToken.None);
            return new OcrAvailability(true, engine, Options.Languages, null);
        }
        catch (Exception ex) when (ex is Win32Exception or TimeoutException or InvalidOperationException or InvalidDataException or IOException)
        {
            return new OcrAvailability(false, null, Options.Languages, $"The OCR engine could not be run ({ex.Message}). {missing}");
        }
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message";
}
