using System.Text;
using ChatRag.Ingestion.Tests.Fixtures;

namespace ChatRag.Ingestion.Tests.Hostile;

/// <summary>How a hostile upload must end: refused at upload (4xx), a <c>failed</c> document, or a bounded <c>ready</c> one.</summary>
public enum HostileOutcome
{
    RejectedAtUpload,
    Failed,
    Ready,
}

/// <summary>One hostile upload at the default limits, built in code, with the words its failure reason must contain.</summary>
public sealed record HostileCase(string Name, string FileName, Func<byte[]> Bytes, HostileOutcome Expected, string Reason)
{
    public override string ToString() => Name;
}

/// <summary>
/// The expansion and malformed-record cases run through the real upload and ingestion pipeline at the default
/// limits: by <see cref="HostilePipelineTests"/> for their outcome, and by the memory benchmark for peak working set.
/// </summary>
public static class HostileCorpus
{
    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("csv-wide-header", "wide.csv", () => HostileFixtures.CsvWideHeader(), HostileOutcome.Failed, "columns"),
        new("csv-comma-row", "commas.csv", () => Encoding.ASCII.GetBytes("a\n" + new string(',', 8_000_000)), HostileOutcome.Failed, "columns"),
        new("csv-huge-cell", "cell.csv", () => HostileFixtures.CsvHugeCell(8_000_000), HostileOutcome.Ready, string.Empty),
        new("xlsx-shared-string-bomb", "strings.xlsx", () => HostileFixtures.XlsxSharedStringBomb(), HostileOutcome.Failed, "characters of text"),
        new("xlsx-many-columns", "wide.xlsx", () => HostileFixtures.XlsxWide(20_000), HostileOutcome.Ready, string.Empty),
        new("docx-huge-part", "huge.docx", () => HostileFixtures.DocxHugeParagraph(40_000_000), HostileOutcome.Failed, "MiB of XML"),
        new("docx-text-at-part-limit", "limit.docx", () => HostileFixtures.DocxHugeParagraph(31_000_000), HostileOutcome.Failed, "characters of text"),
        new("docx-deeply-nested", "deep.docx", () => HostileFixtures.DocxDeeplyNested(), HostileOutcome.Failed, "nested"),
        new("docx-wide-table", "table.docx", () => HostileFixtures.DocxWideTable(5_000), HostileOutcome.Failed, "columns"),
        new("pptx-text-at-part-limit", "limit.pptx", () => HostileFixtures.PptxHugeSlideText(31_000_000), HostileOutcome.Failed, "characters of text"),
        new("pdf-chained-flate-bomb", "bomb.pdf", () => HostileFixtures.PdfChainedFlateBomb(256L * 1024 * 1024), HostileOutcome.Failed, "decompression bomb"),
        new("pdf-many-glyphs", "glyphs.pdf", () => HostileFixtures.PdfManyGlyphs(16_000_000), HostileOutcome.Failed, "characters; the limit"),
        new("pdf-many-words", "words.pdf", () => HostileFixtures.PdfManyWords(30_000), HostileOutcome.Ready, string.Empty),
        new("zip-bomb", "bomb.docx", () => ZipFixtures.Bomb(256 * 1024 * 1024), HostileOutcome.RejectedAtUpload, "zip bomb"),
        new("zip64-offset-overflow", "zip64.docx", () => ZipFixtures.Zip64(zip64EndOffset: long.MaxValue - 10), HostileOutcome.RejectedAtUpload, "zip directory"),
        new("zip64-negative-count", "zip64.docx", () => ZipFixtures.Zip64(entryCount: -1), HostileOutcome.RejectedAtUpload, "zip directory"),
        new("text-long-word", "blob.txt", () => Encoding.ASCII.GetBytes("Start.\n\n" + new string('x', 5_000_000)), HostileOutcome.Ready, string.Empty),
        new("text-over-budget", "big.txt", () => Encoding.ASCII.GetBytes(HostileFixtures.LowEntropyText(25_000_000, seed: 17)), HostileOutcome.Failed, "20,000,000 characters"),
        new("html-nested-deep", "deep.html", () => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("<div>", 100_000)) + "text"), HostileOutcome.Ready, string.Empty),
    ];

    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    public static HostileCase Get(string name) => All.Single(c => c.Name == name);
}
