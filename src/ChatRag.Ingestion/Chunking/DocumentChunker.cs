using ChatRag.Core.Embeddings;
using ChatRag.Ingestion.Model;
using Microsoft.Extensions.Options;

namespace ChatRag.Ingestion.Chunking;

/// <summary>
/// Structure-aware chunker. Headings (and, by default, page breaks) always end a chunk; inside a section it packs
/// whole paragraphs, lists and tables, cutting at a block boundary when one is reasonably close and otherwise at a
/// sentence boundary, then at a word boundary; it never cuts inside a word unless a single "word" is itself over
/// the budget. Budgets are counted with the encoder's own tokenizer through <see cref="ITokenCounter"/>.
/// </summary>
public sealed partial class DocumentChunker
{
    private readonly ITokenCounter counter;
    private readonly ChunkingOptions options;

    /// <summary>Creates a chunker with the given token counter and options.</summary>
    public DocumentChunker(ITokenCounter counter, IOptions<ChunkingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(options);
        this.counter = counter;
        this.options = options.Value;
    }

    /// <summary>Tokens a chunk may hold: the target, capped by what the encoder accepts.</summary>
    public int Budget => Math.Max(8, Math.Min(options.TargetTokens, counter.MaxTokens - options.ReservedTokens));

    /// <summary>Chunks a document, in reading order.</summary>
    public IReadOnlyList<DocumentChunk> Chunk(ExtractedDocument document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var chunks = new List<DocumentChunk>();
        foreach (var section in Sections(document.Blocks))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var prefix = HeadingPrefix(section.Path, out var prefixTokens);
            if (TryWholeSection(document.Text, section, prefix, prefixTokens, chunks))
            {
                continue;
            }

            var units = Units(document.Text, section.Blocks, new Room(Math.Max(4, Budget - prefixTokens), CharacterRoom(prefix.Length)));
            Pack(document.Text, units, section.Path, prefix, prefixTokens, chunks);
        }

        return WithOcrConfidence(document, chunks);
    }

    /// <summary>
    /// Marks chunks whose span comes from OCR'd blocks with the blocks' mean confidence (weighted by length), so a
    /// citation can say the passage was read from a scan and how sure the engine was.
    /// </summary>
    private static List<DocumentChunk> WithOcrConfidence(ExtractedDocument document, List<DocumentChunk> chunks)
    {
        if (!document.Blocks.Any(b => b.OcrConfidence is not null))
        {
            return chunks;
        }

        return chunks.Select(chunk =>
        {
            var overlapping = document.Blocks
                .Where(b => b.OcrConfidence is not null && b.StartOffset < chunk.EndOffset && b.EndOffset > chunk.StartOffset)
                .Select(b => (Confidence: b.OcrConfidence!.Value, Weight: Math.Min(b.EndOffset, chunk.EndOffset) - Math.Max(b.StartOffset, chunk.StartOffset)))
                .ToList();
            var weight = overlapping.Sum(o => o.Weight);
            return weight == 0 ? chunk : chunk with { OcrConfidence = Math.Round(overlapping.Sum(o => o.Confidence * o.Weight) / weight, 1) };
        }).ToList();
    }

    /// <summary>Runs of content blocks that share a heading path (and a page, unless pages may be spanned).</summary>
    private List<Section> Sections(IReadOnlyList<DocumentBlock> blocks)
    {
        var sections = new List<Section>();
        Section? current = null;
        DocumentBlock? openHeading = null;
        foreach (var block in blocks)
        {
            if (block.Kind == BlockKind.Heading && options.PrefixHeadings)
            {
                // A heading with nothing under it before a sibling heading would otherwise vanish from the index.
                if (openHeading is not null && openHeading.HeadingLevel >= block.HeadingLevel)
                {
                    sections.Add(new Section(openHeading.HeadingPath.Take(openHeading.HeadingPath.Count - 1).ToList(), [openHeading]));
                }

                openHeading = block;
                current = null;
                continue;
            }

            var samePage = options.AllowPageSpanning || current?.Blocks[^1].Page == block.Page;
            if (current is null || !samePage || !current.Path.SequenceEqual(block.HeadingPath))
            {
                current = new Section(block.HeadingPath, []);
                sections.Add(current);
            }

            current.Blocks.Add(block);
            openHeading = null;
        }

        if (openHeading is not null)
        {
            sections.Add(new Section(openHeading.HeadingPath.Take(openHeading.HeadingPath.Count - 1).ToList(), [openHeading]));
        }

        return sections;
    }

    /// <summary>The common case, a section that fits as it is: one chunk, without splitting it into sentences first.</summary>
    private bool TryWholeSection(string text, Section section, string prefix, int prefixTokens, List<DocumentChunk> chunks)
    {
        var start = section.Blocks[0].StartOffset;
        var end = section.Blocks[^1].EndOffset;
        if ((end - start) / 2 > Budget * 8 || prefix.Length + (end - start) > options.MaxChunkCharacters)
        {
            // Far too long to fit whatever the tokenizer; skip counting it.
            return false;
        }

        // Tokenizers split on whitespace before anything else, so prefix and body counts add up exactly.
        var tokens = prefixTokens + counter.CountTokens(text[start..end]);
        if (tokens > Budget)
        {
            return false;
        }

        chunks.Add(new DocumentChunk(chunks.Count, prefix + text[start..end], prefix, start, end, section.Blocks[0].Page, section.Path, tokens));
        return true;
    }

    private string HeadingPrefix(IReadOnlyList<string> path, out int tokens)
    {
        tokens = 0;
        if (!options.PrefixHeadings || path.Count == 0)
        {
            return string.Empty;
        }

        // A long heading trail should not crowd out the content: fall back to the nearest heading, then to none.
        foreach (var candidate in new[] { string.Join(DocumentChunk.HeadingSeparator, path), path[^1] })
        {
            var prefix = candidate + "\n\n";
            tokens = counter.CountTokens(prefix);
            if (tokens * 3 <= Budget)
            {
                return prefix;
            }
        }

        tokens = 0;
        return string.Empty;
    }

    /// <summary>Characters left for content once <paramref name="used"/> characters of prefix are written.</summary>
    private int CharacterRoom(int used) => Math.Max(16, options.MaxChunkCharacters - used);

    private sealed record Section(IReadOnlyList<string> Path, List<DocumentBlock> Blocks);
}
