using ChatRag.Ingestion.Detection;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Ocr;
using ChatRag.Ingestion.Readers;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion;

/// <summary>
/// Bytes and a file name in, structured text out: enforces the size limit, sniffs the format, picks the reader and
/// turns every failure into a <see cref="DocumentRejectedException"/> whose message a person can act on.
/// </summary>
public sealed class DocumentExtractor
{
    private readonly IReadOnlyList<IDocumentReader> readers;
    private readonly IngestionLimitsOptions limits;

    /// <summary>Creates an extractor over the given readers.</summary>
    public DocumentExtractor(IEnumerable<IDocumentReader> readers, IOptions<IngestionLimitsOptions> limits)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(limits);
        this.readers = readers.ToList();
        this.limits = limits.Value;
    }

    /// <summary>An extractor with every built-in reader, for use without dependency injection.</summary>
    /// <param name="limits">Limits; the defaults when null.</param>
    /// <param name="ocr">OCR for scanned PDF pages and images; without it they fail with a clear reason.</param>
    public static DocumentExtractor CreateDefault(IngestionLimitsOptions? limits = null, IOcrEngine? ocr = null) =>
        new(DefaultReaders(ocr), Options.Create(limits ?? new IngestionLimitsOptions()));

    /// <summary>The built-in readers: PDF, DOCX, PPTX, XLSX, HTML, Markdown, text, CSV and images (OCR).</summary>
    public static IReadOnlyList<IDocumentReader> DefaultReaders(IOcrEngine? ocr = null) =>
    [
        ocr is null ? new PdfDocumentReader() : new PdfDocumentReader(ocr), new WordDocumentReader(), new PresentationDocumentReader(), new SpreadsheetDocumentReader(),
        new HtmlDocumentReader(), new MarkdownDocumentReader(), new PlainTextDocumentReader(), new CsvDocumentReader(),
        ocr is null ? new ImageDocumentReader() : new ImageDocumentReader(ocr),
    ];

    /// <summary>Reads at most the size limit from <paramref name="content"/> and extracts it.</summary>
    /// <exception cref="DocumentRejectedException">The file cannot be ingested; the message says why and what to do.</exception>
    public async Task<ExtractedDocument> ExtractAsync(Stream content, string? fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return await ExtractAsync(new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), fileName, cancellationToken);
    }

    /// <summary>Extracts a document held in memory.</summary>
    /// <exception cref="DocumentRejectedException">The file cannot be ingested; the message says why and what to do.</exception>
    public Task<ExtractedDocument> ExtractAsync(ReadOnlyMemory<byte> content, string? fileName, CancellationToken cancellationToken = default) =>
        ExtractAsync(content, fileName, ocr: null, cancellationToken);

    /// <summary>
    /// Extracts a document held in memory, telling <paramref name="ocr"/> how OCR moves. The time limit is
    /// <see cref="IngestionLimitsOptions.ExtractionTimeoutSeconds"/> plus one <see cref="OcrOptions.PageTimeoutSeconds"/>
    /// per page sent to OCR.
    /// </summary>
    /// <exception cref="DocumentRejectedException">The file cannot be ingested; the message says why and what to do.</exception>
    public async Task<ExtractedDocument> ExtractAsync(ReadOnlyMemory<byte> content, string? fileName, OcrListener? ocr, CancellationToken cancellationToken)
    {
        if (content.Length > limits.MaxFileBytes)
        {
            throw TooLarge();
        }

        var detected = ContentSniffer.Detect(content.Span, fileName, limits);
        var reader = readers.FirstOrDefault(r => r.CanRead(detected.Kind))
            ?? throw new UnsupportedContentException($"No reader is configured for {detected.Kind} files.");
        ExtractedDocument document;
        using var deadline = new ExtendableDeadline(TimeSpan.FromSeconds(limits.ExtractionTimeoutSeconds), cancellationToken, ocr?.DeadlineExtended);
        var context = new ReaderContext(FileNameSanitizer.ToDisplayName(fileName), detected.Kind, limits) { OcrProgress = ocr?.Progress, Deadline = deadline };
        try
        {
            using var stream = new ReadOnlyMemoryStream(content);

            // Readers are CPU-bound and synchronous inside, and a library call (one PdfPig page) may not look at the
            // token: the wait is abandoned at the deadline so the job fails on time; the abandoned work still ends at
            // its own per-page and per-part limits.
            document = await Task.Run(() => reader.ReadAsync(stream, context, deadline.Token), deadline.Token).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException ex) when (deadline.Expired(cancellationToken))
        {
            var limit = deadline.Limit.TotalSeconds;
            var why = limit > limits.ExtractionTimeoutSeconds
                ? $"{limit:N0} seconds, the configured limit ({limits.ExtractionTimeoutSeconds:N0} s and ChatRag:Ocr:PageTimeoutSeconds per OCR page)"
                : $"{limit:N0} seconds, the configured limit";
            throw new DocumentLimitExceededException(
                $"Reading the text of the file ({Describe(detected.Kind)}) took longer than {why}, so it was stopped. Split the document or save it again in a simpler form and upload it again.",
                ex);
        }
        catch (Exception ex) when (ex is not DocumentRejectedException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new CorruptDocumentException(
                $"The file could not be read as {Describe(detected.Kind)}: it is damaged, incomplete or not really that format. Open it in its application, save it again and upload the new file.",
                ex);
        }

        return detected.Warning is null ? document : document with { Warnings = [detected.Warning, .. document.Warnings] };
    }

    private static string Describe(DocumentKind kind) => kind switch
    {
        DocumentKind.Pdf => "a PDF",
        DocumentKind.Docx => "a Word document",
        DocumentKind.Pptx => "a PowerPoint presentation",
        DocumentKind.Xlsx => "an Excel workbook",
        DocumentKind.Html => "HTML",
        DocumentKind.Markdown => "Markdown",
        DocumentKind.Csv => "CSV",
        DocumentKind.Png => "a PNG image",
        DocumentKind.Jpeg => "a JPEG image",
        DocumentKind.Tiff => "a TIFF image",
        DocumentKind.WebP => "a WebP image",
        _ => "text",
    };

    private FileTooLargeException TooLarge() =>
        new($"The file is larger than {limits.MaxFileBytes / (1024.0 * 1024):0.#} MiB, the configured limit. Split it or compress its images and upload it again.");
}
