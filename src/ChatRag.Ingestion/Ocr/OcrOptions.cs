using System.ComponentModel.DataAnnotations;

namespace ChatRag.Ingestion.Ocr;

/// <summary>
/// OCR of scanned PDF pages and images with Tesseract's command line (pages rendered by Poppler's <c>pdftoppm</c>).
/// Bound from <c>ChatRag:Ocr</c>; validated at start-up.
/// </summary>
public sealed class OcrOptions : IValidatableObject
{
    /// <summary>Most OCR time one document can be given (<see cref="MaxPages"/> page time limits): 30 days, within what a timer can hold.</summary>
    public static readonly TimeSpan MaxDocumentAllowance = TimeSpan.FromDays(30);

    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Ocr";

    /// <summary>The Debian packages that provide the engine, named in "OCR disabled" messages.</summary>
    public const string Packages = "tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra poppler-utils";

    /// <summary>Whether scanned pages and images are OCR'd at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Tesseract languages joined by '+'; each needs its <c>tesseract-ocr-xxx</c> package.</summary>
    [Required]
    [RegularExpression("^[A-Za-z_]+(\\+[A-Za-z_]+)*$")]
    public string Languages { get; set; } = "eng+fra";

    /// <summary>Resolution PDF pages are rendered at; 300 is what Tesseract is tuned for.</summary>
    [Range(72, 600)]
    public int Dpi { get; set; } = 300;

    /// <summary>Most pages (scanned PDF pages, image frames) OCR'd in one document; more fails the document.</summary>
    [Range(1, 100_000)]
    public int MaxPages { get; set; } = 500;

    /// <summary>
    /// Most pixels of one page image, read from the image header before anything is decoded (decompression bombs).
    /// PDF pages too large for it at <see cref="Dpi"/> are rendered at a lower resolution.
    /// </summary>
    [Range(10_000, 1_000_000_000)]
    public long MaxPixelsPerPage { get; set; } = 40_000_000;

    /// <summary>
    /// Time allowed to render and recognise one page; the process tree is killed after it. Each page sent to OCR also
    /// adds this much to the document's extraction and job time limits, so a scan of up to <see cref="MaxPages"/> pages
    /// is never cut off by limits sized for text documents.
    /// </summary>
    [Range(1, 3_600)]
    public int PageTimeoutSeconds { get; set; } = 120;

    /// <summary>Most OCR processes running at once across all documents (each is single-threaded).</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Words Tesseract is less confident about (0-100) are dropped as noise.</summary>
    [Range(0, 100)]
    public double MinWordConfidence { get; set; } = 40;

    /// <summary>
    /// Seconds after which a failed availability probe (Tesseract or Poppler missing) is tried again by the next scan
    /// or status request, so installing them on a running server turns OCR on without a restart.
    /// </summary>
    [Range(1, 86_400)]
    public int ProbeRetrySeconds { get; set; } = 300;

    /// <summary>Tesseract executable (a name on PATH or a full path).</summary>
    [Required]
    public string TesseractPath { get; set; } = "tesseract";

    /// <summary>Poppler's pdftoppm executable (a name on PATH or a full path).</summary>
    [Required]
    public string PdftoppmPath { get; set; } = "pdftoppm";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var allowance = (double)MaxPages * PageTimeoutSeconds;
        if (allowance > MaxDocumentAllowance.TotalSeconds)
        {
            yield return new ValidationResult(
                $"ChatRag:Ocr:MaxPages x PageTimeoutSeconds is {allowance:N0} s, more than a document's time limits can be extended by ({MaxDocumentAllowance.TotalSeconds:N0} s, 30 days); lower one of them.",
                [nameof(MaxPages), nameof(PageTimeoutSeconds)]);
        }
    }
}
