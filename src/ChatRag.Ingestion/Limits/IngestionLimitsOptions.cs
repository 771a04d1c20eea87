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

    /// <summary>Whether invalid UTF-8 is replaced with U+FFFD (with a warning) rather than rejected (default true).</summary>
    public bool ReplaceInvalidText { get; set; } = true;
}
