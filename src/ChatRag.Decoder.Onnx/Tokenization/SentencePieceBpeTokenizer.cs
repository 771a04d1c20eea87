using System.Text;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>
/// SentencePiece-style BPE from a Hugging Face <c>tokenizer.json</c> (Llama 2, Mistral, Phi-3.5): spaces become
/// "▁" (a <c>Prepend</c> + <c>Replace</c> normaliser or a <c>Metaspace</c> pre-tokenizer), words are split into
/// characters, characters missing from the vocabulary become <c>&lt;0xNN&gt;</c> byte tokens (<c>byte_fallback</c>)
/// or the unknown token, and pairs merge lowest rank first, leftmost first. Decoding turns "▁" back into spaces,
/// byte tokens back into bytes and drops the prefix space. Thread-safe.
/// </summary>
public sealed partial class SentencePieceBpeTokenizer : BpeTokenizer
{
    // Hugging Face caches words up to this length; longer ones (a whole prompt when there is no pre-tokenizer) are
    // not cached, so the cache cannot grow with the size of the documents seen.
    private const int MaxCachedWordLength = 256;
    private readonly Dictionary<string, int> vocab;
    private readonly Dictionary<(int Left, int Right), (int Rank, int Merged)> merges;
    private readonly byte[][] tokenBytes;
    private readonly byte[][] firstTokenBytes;
    private readonly bool[] special;
    private readonly bool[] isByteToken;
    private readonly Dictionary<string, int> added;
    private readonly AddedTokenMatcher matcher;
    private readonly Settings settings;
    private readonly int[] byteIds = new int[256];
    private readonly WordCache cache;

    private SentencePieceBpeTokenizer(
        Dictionary<string, int> vocab, Dictionary<(int, int), (int, int)> merges, IReadOnlyList<AddedTokenMatcher.AddedToken> added, Settings settings)
    {
        cache = new WordCache(EncodeWord);
        this.vocab = vocab;
        this.merges = merges;
        this.settings = settings;
        this.added = added.ToDictionary(t => t.Content, t => t.Id, StringComparer.Ordinal);
        matcher = new AddedTokenMatcher(added);
        var size = Math.Max(vocab.Count == 0 ? 0 : vocab.Values.Max() + 1, added.Count == 0 ? 0 : added.Max(t => t.Id) + 1);
        tokenBytes = new byte[size][];
        firstTokenBytes = new byte[size][];
        isByteToken = new bool[size];
        special = new bool[size];
        for (var b = 0; b < 256; b++)
        {
            byteIds[b] = vocab.TryGetValue(ByteToken(b), out var id) ? id : -1;
            if (byteIds[b] >= 0)
            {
                isByteToken[byteIds[b]] = true;
            }
        }

        foreach (var (token, id) in vocab)
        {
            tokenBytes[id] = DecodeToken(token, first: false);
            firstTokenBytes[id] = DecodeToken(token, first: true);
        }

        foreach (var token in added)
        {
            tokenBytes[token.Id] = Encoding.UTF8.GetBytes(token.Content);
            firstTokenBytes[token.Id] = tokenBytes[token.Id];
            special[token.Id] = token.Special;
        }
    }

    /// <inheritdoc />
    public override int VocabularySize => tokenBytes.Length;


    /// <summary>Loads a SentencePiece-style tokenizer from a <c>tokenizer.json</c> file.</summary>
    /// <exception cref="NotSupportedException">The file uses a component this tokenizer does not implement.</exception>
    public static new SentencePieceBpeTokenizer FromFile(string tokenizerJsonPath)
    {
        using var stream = File.OpenRead(tokenizerJsonPath);
        using var doc = System.Text.Json.JsonDocument.Parse(stream);
        return FromJson(doc.RootElement);
    }

    /// <inheritdoc />
    public override int? TokenToId(string token) =>
        added.TryGetValue(token, out var id) ? id : vocab.TryGetValue(token, out id) ? id : null;

    /// <inheritdoc />
    public override bool IsSpecial(int id) => (uint)id < (uint)special.Length && special[id];

    /// <inheritdoc />
    public override ReadOnlySpan<byte> TokenBytes(int id) => (uint)id < (uint)tokenBytes.Length && tokenBytes[id] is { } b ? b : [];

    /// <inheritdoc />
    public override ReadOnlySpan<byte> FirstTokenBytes(int id) => (uint)id < (uint)firstTokenBytes.Length && firstTokenBytes[id] is { } b ? b : [];

    /// <inheritdoc />
    public override IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3);
        foreach (var (piece, start, addedId) in matcher.Split(text))
        {
            if (addedId is { } id)
            {
                ids.Add(id);
                continue;
            }

            // Normalisers run on each piece between added tokens, so Prepend("▁") starts every such piece.
            var normalized = piece;
            foreach (var step in settings.Normalizers)
            {
                normalized = step(normalized);
            }

            foreach (var word in PreTokenize(normalized, start == 0))
            {
                ids.AddRange(word.Length <= MaxCachedWordLength ? cache.Get(word) : EncodeWord(word));
            }
        }

        return ids;
    }

    private static string ByteToken(int b) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<0x{b:X2}>");

    private IEnumerable<string> PreTokenize(string normalized, bool atStart)
    {
        if (settings.Metaspace is not { } meta)
        {
            foreach (var word in SplitAfter(normalized, settings.SplitAfter))
            {
                yield return word;
            }

            yield break;
        }

        var replaced = normalized.Replace(' ', meta.Replacement);
        var prepend = meta.Scheme == PrependScheme.Always || (meta.Scheme == PrependScheme.First && atStart);
        if (prepend && replaced.Length > 0 && replaced[0] != meta.Replacement)
        {
            replaced = meta.Replacement + replaced;
        }

        if (!meta.Split)
        {
            if (replaced.Length > 0)
            {
                yield return replaced;
            }

            yield break;
        }

        // Split with the delimiter merged into the following word: "▁a▁b" -> "▁a", "▁b".
        var begin = 0;
        for (var i = 1; i <= replaced.Length; i++)
        {
            if (i == replaced.Length || replaced[i] == meta.Replacement)
            {
                if (i > begin)
                {
                    yield return replaced[begin..i];
                }

                begin = i;
            }
        }
    }

    // A "MergedWithPrevious" split on a literal: each occurrence ends the word before it.
    private static IEnumerable<string> SplitAfter(string text, string? delimiter)
    {
        var begin = 0;
        if (!string.IsNullOrEmpty(delimiter))
        {
            for (var at = text.IndexOf(delimiter, StringComparison.Ordinal); at >= 0; at = text.IndexOf(delimiter, begin, StringComparison.Ordinal))
            {
                yield return text[begin..(at + delimiter.Length)];
                begin = at + delimiter.Length;
            }
        }

        if (begin < text.Length)
        {
            yield return text[begin..];
        }
    }

    private byte[] DecodeToken(string token, bool first)
    {
        if (settings.DecodeByteTokens && token.Length == 6 && token.StartsWith("<0x", StringComparison.Ordinal) && token[5] == '>'
            && byte.TryParse(token.AsSpan(3, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return first && value == (byte)' ' && settings.StripLeadingSpaces > 0 ? [] : [value];
        }

        if (first && settings.DropMetaInFirstToken is { } meta)
        {
            // Hugging Face's Metaspace decoder drops every replacement character of the first token.
            return Encoding.UTF8.GetBytes(token.Replace(meta.ToString(), string.Empty, StringComparison.Ordinal));
        }

        var text = settings.DecodeReplace is { } r ? token.Replace(r.From, r.To, StringComparison.Ordinal) : token;
        if (first)
        {
            // The Strip decoder runs after Fuse, on the whole text; its start is the first token's start.
            var strip = 0;
            while (strip < settings.StripLeadingSpaces && strip < text.Length && text[strip] == ' ')
            {
                strip++;
            }

            text = text[strip..];
        }

        return Encoding.UTF8.GetBytes(text);
    }
}
