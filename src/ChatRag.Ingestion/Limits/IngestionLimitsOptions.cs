using System.ComponentModel.DataAnnotations;

namespace ChatRag.Ingestion.Limits;

/// <summary>
/// Limits that keep one hostile or accidental upload from exhausting memory, disk or CPU.
/// Defaults fit ordinary office documents and books with room to spare.
/// </summary>
public sealed class IngestionLimitsOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Ingestion:Limits";

    /// <summary>Largest accepted upload in bytes (default 64 MiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Most characters of extracted text per document (default 20 million, a few thousand pages).</summary>
    [Range(1, int.MaxValue)]
    public int MaxExtractedCharacters { get; set; } = 20_000_000;

    /// <summary>Most PDF pages or PowerPoint slides (default 5,000).</summary>
    [Range(1, int.MaxValue)]
    public int MaxPages { get; set; } = 5_000;

    /// <summary>Most worksheets in a workbook (default 200).</summary>
    [Range(1, int.MaxValue)]
    public int MaxSheets { get; set; } = 200;

    /// <summary>Rows read per worksheet or CSV file; later rows are dropped with a warning (default 100,000).</summary>
    [Range(1, int.MaxValue)]
    public int MaxRowsPerSheet { get; set; } = 100_000;

    /// <summary>Cells read per workbook in total; later cells are dropped with a warning (default 2 million).</summary>
    [Range(1, int.MaxValue)]
    public int MaxCells { get; set; } = 2_000_000;

    /// <summary>Element depth below which HTML structure is flattened to plain text (default 256).</summary>
    [Range(8, 100_000)]
    public int MaxHtmlDepth { get; set; } = 256;

    /// <summary>Most entries in an OOXML (zip) package (default 10,000).</summary>
    [Range(1, int.MaxValue)]
    public int MaxArchiveEntries { get; set; } = 10_000;

    /// <summary>Most bytes an OOXML package may expand to, summed over its entries (default 1 GiB).</summary>
    [Range(1, long.MaxValue)]
    public long MaxArchiveUncompressedBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>Highest uncompressed/compressed ratio for an entry larger than 1 MiB (default 200; real XML rarely passes 30).</summary>
    [Range(2, int.MaxValue)]
    public int MaxCompressionRatio { get; set; } = 200;

    /// <summary>Most columns in a table (CSV, Word, PowerPoint); a wider CSV is rejected, wider sheets lose the extra columns with a warning (default 1,024).</summary>
    [Range(1, 1_000_000)]
    public int MaxTableColumns { get; set; } = 1_024;

    /// <summary>Characters kept per table cell (or spreadsheet shared string); longer cells are cut with a warning (default 32,767, Excel's own cell limit).</summary>
    [Range(16, int.MaxValue)]
    public int MaxCellCharacters { get; set; } = 32_767;

    /// <summary>
    /// Most bytes (so at most as many characters) in any one XML part of an Office package (default 32 MiB, about
    /// 5,000 pages of Word text). A part of one huge text node costs about twelve times its size while parsed.
    /// </summary>
    [Range(1_024, 512L * 1024 * 1024)]
    public long MaxXmlPartCharacters { get; set; } = 32L * 1024 * 1024;

    /// <summary>Most bytes one PDF stream may decode to, through all its filters (default 32 MiB).</summary>
    [Range(1_024, int.MaxValue)]
    public int MaxPdfStreamBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most letters on one PDF page; a page with more is rejected (default 200,000; a dense page has about 5,000).</summary>
    [Range(100, int.MaxValue)]
    public int MaxPdfLettersPerPage { get; set; } = 200_000;

    /// <summary>Words on a PDF page above which block detection and reading order (quadratic) are skipped and words are kept in content order (default 10,000; a dense page has about 1,000).</summary>
    [Range(10, int.MaxValue)]
    public int MaxPdfWordsForLayout { get; set; } = 10_000;

    /// <summary>Seconds one document's text extraction may take before it is cancelled and the document fails (default 300).</summary>
    [Range(1, 86_400)]
    public int ExtractionTimeoutSeconds { get; set; } = 300;

    /// <summary>Whether invalid UTF-8 is replaced with U+FFFD (with a warning) rather than rejected (default true).</summary>
    public bool ReplaceInvalidText { get; set; } = true;
}
