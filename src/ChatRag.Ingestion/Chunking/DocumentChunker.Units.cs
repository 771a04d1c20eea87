using ChatRag.Ingestion.Model;
using ChatRag.TextAnalysis.Sentences;

namespace ChatRag.Ingestion.Chunking;

public sealed partial class DocumentChunker
{
    /// <summary>Breaks a section's blocks into units that each fit in <paramref name="available"/> tokens and characters.</summary>
    private List<ChunkUnit> Units(string text, List<DocumentBlock> blocks, Room available)
    {
        var units = new List<ChunkUnit>();
        foreach (var block in blocks)
        {
            var first = units.Count;
            if (block.Kind == BlockKind.Table)
            {
                var tokens = counter.CountTokens(text[block.StartOffset..block.EndOffset]);
                if (tokens <= available.Tokens && block.EndOffset - block.StartOffset <= available.Characters)
                {
                    units.Add(new ChunkUnit(block.StartOffset, block.EndOffset, tokens, true, block.Page, null));
                }
                else
                {
                    TableUnits(text, block, available, units);
                }
            }
            else if (block.Kind is BlockKind.List or BlockKind.Code)
            {
                foreach (var (start, end) in Lines(text, block.StartOffset, block.EndOffset))
                {
                    AddSpan(text, start, end, available, block.Page, null, units);
                }
            }
            else
            {
                foreach (var (_, start, end, _) in SentenceSplitter.Split(text, block.StartOffset, block.EndOffset))
                {
                    AddSpan(text, start, end, available, block.Page, null, units);
                }
            }

            if (units.Count > first)
            {
                units[first] = units[first] with { StartsBlock = true };
            }
        }

        return units;
    }

    /// <summary>Rows as units; every row but the first carries the header so a chunk starting there can repeat it.</summary>
    private void TableUnits(string text, DocumentBlock block, Room available, List<ChunkUnit> units)
    {
        var lines = Lines(text, block.StartOffset, block.EndOffset).ToList();
        var headerLines = lines.Count > 1 && text.AsSpan(lines[1].Start, lines[1].End - lines[1].Start).StartsWith("| ---") ? 2 : 1;
        var header = text[lines[0].Start..lines[headerLines - 1].End];
        var headerTokens = counter.CountTokens(header + "\n");
        if (headerTokens * 2 > available.Tokens || (header.Length + 1) * 2 > available.Characters || lines.Count <= headerLines)
        {
            // A header that big cannot be repeated usefully; fall back to plain lines.
            foreach (var (start, end) in lines)
            {
                AddSpan(text, start, end, available, block.Page, null, units);
            }

            return;
        }

        // The header travels with the first row, so the table's start is never orphaned from its first data row.
        AddSpan(text, lines[0].Start, lines[headerLines].End, available, block.Page, null, units);
        foreach (var (start, end) in lines.Skip(headerLines + 1))
        {
            AddSpan(text, start, end, new Room(available.Tokens - headerTokens, available.Characters - header.Length - 1), block.Page, header, units);
        }
    }

    /// <summary>Adds a span as one unit, or as word windows when it is over budget.</summary>
    private void AddSpan(string text, int start, int end, Room available, int? page, string? tableHeader, List<ChunkUnit> units)
    {
        var tokens = end - start > available.Characters ? int.MaxValue : counter.CountTokens(text[start..end]);
        if (tokens <= available.Tokens)
        {
            units.Add(new ChunkUnit(start, end, tokens, false, page, tableHeader));
            return;
        }

        var windowStart = -1;
        var windowEnd = -1;
        var windowTokens = 0;
        foreach (var (wordStart, wordEnd) in Words(text, start, end))
        {
            var wordTokens = wordEnd - wordStart > available.Characters ? int.MaxValue : counter.CountTokens(text[wordStart..wordEnd]);
            if (windowStart >= 0 && (windowTokens + (long)wordTokens > available.Tokens || wordEnd - windowStart > available.Characters))
            {
                units.Add(new ChunkUnit(windowStart, windowEnd, windowTokens, false, page, tableHeader));
                windowStart = -1;
                windowTokens = 0;
            }

            if (wordTokens > available.Tokens)
            {
                HardCut(text, wordStart, wordEnd, available, page, tableHeader, units);
                continue;
            }

            if (windowStart < 0)
            {
                windowStart = wordStart;
            }

            windowEnd = wordEnd;
            windowTokens += wordTokens;
        }

        if (windowStart >= 0)
        {
            units.Add(new ChunkUnit(windowStart, windowEnd, windowTokens, false, page, tableHeader));
        }
    }

    /// <summary>
    /// The last resort for one "word" over the whole budget in tokens or characters (a base64 blob, a URL list with no
    /// spaces): pieces sized from a sample's token density, never over the character room.
    /// </summary>
    private void HardCut(string text, int start, int end, Room available, int? page, string? tableHeader, List<ChunkUnit> units)
    {
        var sample = Math.Min(end - start, available.Characters);
        var sampleTokens = Math.Max(1, counter.CountTokens(text[start..(start + sample)]));
        var charsPerPiece = Math.Clamp((int)(sample * (double)available.Tokens / sampleTokens * 0.9), 1, available.Characters);
        for (var pieceStart = start; pieceStart < end;)
        {
            var pieceEnd = Math.Min(end, pieceStart + charsPerPiece);
            if (pieceEnd < end && pieceEnd - pieceStart > 1 && char.IsHighSurrogate(text[pieceEnd - 1]))
            {
                pieceEnd--;
            }

            var pieceTokens = counter.CountTokens(text[pieceStart..pieceEnd]);
            while (pieceTokens > available.Tokens && pieceEnd - pieceStart > 1)
            {
                pieceEnd = pieceStart + ((pieceEnd - pieceStart) / 2);
                pieceTokens = counter.CountTokens(text[pieceStart..pieceEnd]);
            }

            units.Add(new ChunkUnit(pieceStart, pieceEnd, pieceTokens, false, page, tableHeader));
            pieceStart = pieceEnd;
        }
    }

    /// <summary>What a unit may hold: tokens and characters.</summary>
    private readonly record struct Room(int Tokens, int Characters);

    private static IEnumerable<(int Start, int End)> Lines(string text, int start, int end)
    {
        while (start < end)
        {
            var newline = text.IndexOf('\n', start, end - start);
            var lineEnd = newline < 0 ? end : newline;
            if (!string.IsNullOrWhiteSpace(text[start..lineEnd]))
            {
                yield return (start, lineEnd);
            }

            start = lineEnd + 1;
        }
    }

    private static IEnumerable<(int Start, int End)> Words(string text, int start, int end)
    {
        var i = start;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < end && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > wordStart)
            {
                yield return (wordStart, i);
            }
        }
    }
}
