namespace ChatRag.Embeddings.Onnx.Tokenization;

public sealed partial class SentencePieceEncoderTokenizer
{
    /// <summary>
    /// One stretch of text between added tokens, as Hugging Face encodes it: ML.Tokenizers' pieces, with two fixes
    /// where SentencePiece's own conventions (which it follows) differ from the fast tokenizer the models were used with:
    /// a run of unknown characters is one unknown token (Hugging Face's Unigram always fuses them, as spm's encoder
    /// does), and trailing whitespace becomes a final "▁" piece (the fast tokenizer does not strip it).
    /// </summary>
    private void AppendSegment(string segment, List<int> ids)
    {
        var previousUnknown = false;
        foreach (var raw in tokenizer.EncodeToIds(segment, addBeginningOfSentence: false, addEndOfSentence: false))
        {
            var id = mapId(raw);
            var unknown = id == unkId;
            if (!(unknown && previousUnknown))
            {
                ids.Add(id);
            }

            previousUnknown = unknown;
        }

        if (metaId is { } meta && EndsInSpace(segment))
        {
            ids.Add(meta);
        }
    }

    /// <summary>
    /// Whether the normalised segment ends with a space (which Metaspace turns into a last "▁"). Each last character
    /// is probed between two letters through the tokenizer itself, so the precompiled map decides what is a space.
    /// </summary>
    private bool EndsInSpace(string segment)
    {
        for (var i = segment.Length; i > 0;)
        {
            var start = i - 1;
            if (char.IsLowSurrogate(segment[start]) && start > 0 && char.IsHighSurrogate(segment[start - 1]))
            {
                start--;
            }

            var probe = Probe("x" + segment[start..i] + "y");
            i = start;
            if (probe == joined.Value)
            {
                continue; // removed by normalisation (a zero-width or control character): look further left
            }

            return probe == spaced.Value;
        }

        return false;
    }

    private string Probe(string text) =>
        string.Join(',', tokenizer.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false));

    /// <summary>Splits at added tokens, honouring their lstrip/rstrip (which swallow the spaces beside them).</summary>
    private IEnumerable<(string Segment, int? Special)> Split(string text)
    {
        var start = 0;
        var position = 0;
        while (position < text.Length)
        {
            var match = added.FirstOrDefault(a => string.CompareOrdinal(text, position, a.Content, 0, a.Content.Length) == 0);
            if (match is null)
            {
                position++;
                continue;
            }

            var end = position;
            if (match.LeftStrip)
            {
                while (end > start && char.IsWhiteSpace(text[end - 1]))
                {
                    end--;
                }
            }

            yield return (text[start..end], match.Id);
            position += match.Content.Length;
            if (match.RightStrip)
            {
                while (position < text.Length && char.IsWhiteSpace(text[position]))
                {
                    position++;
                }
            }

            start = position;
        }

        yield return (text[start..], null);
    }

    /// <summary>A special token of tokenizer.json's added_tokens, matched in raw text.</summary>
    private sealed record AddedToken(string Content, int Id, bool LeftStrip, bool RightStrip);
}
