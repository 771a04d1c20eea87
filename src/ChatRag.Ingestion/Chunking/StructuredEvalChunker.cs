using ChatRag.Core.Documents;
using ChatRag.Core.Evaluation;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.Readers;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Chunking;

/// <summary>
/// Chunks BEIR corpus documents the way uploads are chunked: the title is a heading (so it prefixes every chunk)
/// and blank lines separate paragraphs. Lets <c>eval</c> compare chunk sizes against <see cref="WholeDocumentChunker"/>.
/// </summary>
public sealed class StructuredEvalChunker : IEvalChunker
{
    private readonly DocumentChunker chunker;
    private readonly ChunkingOptions options;

    /// <summary>Creates the adapter over a configured chunker.</summary>
    public StructuredEvalChunker(DocumentChunker chunker, IOptions<ChunkingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(chunker);
        ArgumentNullException.ThrowIfNull(options);
        this.chunker = chunker;
        this.options = options.Value;
    }

    /// <inheritdoc />
    public string Name => FormattableString.Invariant(
        $"structured-{chunker.Budget}-{options.OverlapRatio:0.##}{(options.PrefixHeadings ? "-prefix" : string.Empty)}");

    /// <inheritdoc />
    public IReadOnlyList<NewChunk> Chunk(BeirDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return chunker.Chunk(ToExtracted(document)).Select(c => c.ToNewChunk()).ToList();
    }

    /// <summary>The corpus document as extracted text: title heading, then paragraphs.</summary>
    public static ExtractedDocument ToExtracted(BeirDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new DocumentTextBuilder(DocumentKind.Text, int.MaxValue);
        if (!string.IsNullOrWhiteSpace(document.Title))
        {
            builder.AddHeading(document.Title, 1);
        }

        foreach (var paragraph in PlainTextDocumentReader.SplitParagraphs(document.Text.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            builder.AddParagraph(paragraph);
        }

        if (builder.BlockCount == 0)
        {
            builder.AddParagraph(document.Id);
        }

        return builder.Build(pageCount: null);
    }
}
