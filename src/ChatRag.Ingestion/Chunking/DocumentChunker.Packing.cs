namespace ChatRag.Ingestion.Chunking;

public sealed partial class DocumentChunker
{
    /// <summary>Greedy packing of one section's units into chunks.</summary>
    private void Pack(string text, List<ChunkUnit> units, IReadOnlyList<string> path, string headingPrefix, int prefixTokens, List<DocumentChunk> chunks)
    {
        var budget = Budget;
        var overlap = options.OverlapTokens;
        var i = 0;
        while (i < units.Count)
        {
            var header = units[i].TableHeader;
            var used = prefixTokens + (header is null ? 0 : counter.CountTokens(header + "\n"));
            var characters = CharacterRoom(headingPrefix.Length + (header is null ? 0 : header.Length + 1));
            var j = i;
            while (j < units.Count && (j == i || (used + units[j].Tokens <= budget && units[j].End - units[i].Start <= characters)))
            {
                used += units[j].Tokens;
                j++;
            }

            if (j < units.Count && !units[j].StartsBlock)
            {
                j = PreferBlockBoundary(units, i, j, budget);
            }

            chunks.Add(MakeChunk(text, units, i, j, path, headingPrefix, header, chunks.Count));
            if (j >= units.Count)
            {
                break;
            }

            // Overlap bridges a cut made inside a block; a block boundary is a natural break and needs none.
            var next = j;
            if (overlap > 0 && !units[j].StartsBlock)
            {
                var carried = 0;
                while (next - 1 > i && carried + units[next - 1].Tokens <= overlap && !units[next].StartsBlock)
                {
                    carried += units[next - 1].Tokens;
                    next--;
                }
            }

            i = next;
        }
    }

    /// <summary>Moves a mid-block cut back to the last block start, when that still leaves the chunk at least half full.</summary>
    private static int PreferBlockBoundary(List<ChunkUnit> units, int start, int end, int budget)
    {
        var tokens = 0;
        var best = -1;
        for (var k = start; k < end; k++)
        {
            if (k > start && units[k].StartsBlock && tokens * 2 >= budget)
            {
                best = k;
            }

            tokens += units[k].Tokens;
        }

        return best > 0 ? best : end;
    }

    private DocumentChunk MakeChunk(
        string text, List<ChunkUnit> units, int start, int end, IReadOnlyList<string> path, string headingPrefix, string? header, int ordinal)
    {
        var prefix = header is null ? headingPrefix : headingPrefix + header + "\n";
        var spanStart = units[start].Start;
        var spanEnd = units[end - 1].End;
        var chunkText = prefix + text[spanStart..spanEnd];
        return new DocumentChunk(ordinal, chunkText, prefix, spanStart, spanEnd, units[start].Page, path, counter.CountTokens(chunkText));
    }
}
