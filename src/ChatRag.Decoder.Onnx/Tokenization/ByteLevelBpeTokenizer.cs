using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>
/// Byte-level BPE read from a Hugging Face <c>tokenizer.json</c> (the GPT-2 / Qwen2 / Llama 3 family): added tokens
/// are split out first, the rest is NFC-normalised, split by the pre-tokenizer regex, mapped through GPT-2's
/// byte alphabet and merged by rank. Thread-safe; word merges are memoised.
/// </summary>
public sealed partial class ByteLevelBpeTokenizer : BpeTokenizer
{
    private const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";
    private readonly Dictionary<string, int> vocab;
    private readonly Dictionary<(string, string), int> mergeRanks;
    private readonly byte[][] tokenBytes;
    private readonly bool[] special;
    private readonly Dictionary<string, int> added;
    private readonly Regex? addedSplitter;
    private readonly Regex[] preTokenizers;
    private readonly bool nfc;
    private readonly bool ignoreMerges;
    private readonly WordCache cache;
    private readonly string[] byteToChar;

    private ByteLevelBpeTokenizer(
        Dictionary<string, int> vocab, Dictionary<(string, string), int> mergeRanks, Dictionary<string, int> added,
        HashSet<int> specialIds, IReadOnlyList<string> patterns, bool nfc, bool ignoreMerges)
    {
        this.ignoreMerges = ignoreMerges;
        cache = new WordCache(EncodeWord);
        this.vocab = vocab;
        this.mergeRanks = mergeRanks;
        this.added = added;
        this.nfc = nfc;
        preTokenizers = [.. patterns.Select(p => new Regex(p, RegexOptions.Compiled | RegexOptions.CultureInvariant))];
        byteToChar = ByteAlphabet.ByteToChar;
        var size = Math.Max(vocab.Count == 0 ? 0 : vocab.Values.Max() + 1, added.Count == 0 ? 0 : added.Values.Max() + 1);
        tokenBytes = new byte[size][];
        special = new bool[size];
        foreach (var (token, id) in vocab)
        {
            tokenBytes[id] = ByteAlphabet.ToBytes(token);
        }

        foreach (var (token, id) in added)
        {
            tokenBytes[id] = Encoding.UTF8.GetBytes(token);
            special[id] = specialIds.Contains(id);
        }

        if (added.Count > 0)
        {
            var alternatives = added.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape);
            addedSplitter = new Regex("(" + string.Join("|", alternatives) + ")", RegexOptions.Compiled | RegexOptions.CultureInvariant);
        }
    }

    /// <inheritdoc />
    public override int VocabularySize => tokenBytes.Length;

    /// <summary>Loads a tokenizer from a <c>tokenizer.json</c> file.</summary>
    /// <exception cref="NotSupportedException">The tokenizer is not byte-level BPE.</exception>
    public static new ByteLevelBpeTokenizer FromFile(string tokenizerJsonPath)
    {
        using var stream = File.OpenRead(tokenizerJsonPath);
        using var doc = JsonDocument.Parse(stream);
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
    public override IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ids = new List<int>(text.Length / 3);
        var pieces = addedSplitter is null ? [text] : addedSplitter.Split(text);
        foreach (var piece in pieces)
        {
            if (piece.Length == 0)
            {
                continue;
            }

            if (added.TryGetValue(piece, out var addedId))
            {
                ids.Add(addedId);
                continue;
            }

            var normalized = nfc ? piece.Normalize(NormalizationForm.FormC) : piece;
            foreach (var word in PreTokenize(normalized, 0))
            {
                ids.AddRange(cache.Get(word));
            }
        }

        return ids;
    }

    // Each Split step ("Isolated") cuts every piece of the previous step into its matches and the text between them,
    // as Hugging Face's pre-tokenizer Sequence does; DeepSeek-V3 chains three such splits.
    private IEnumerable<string> PreTokenize(string text, int step)
    {
        if (step == preTokenizers.Length)
        {
            yield return text;
            yield break;
        }

        var last = 0;
        foreach (Match match in preTokenizers[step].Matches(text))
        {
            if (match.Index > last)
            {
                foreach (var piece in PreTokenize(text[last..match.Index], step + 1))
                {
                    yield return piece;
                }
            }

            if (match.Length > 0)
            {
                foreach (var piece in PreTokenize(match.Value, step + 1))
                {
                    yield return piece;
                }
            }

            last = match.Index + match.Length;
        }

        if (last < text.Length)
        {
            foreach (var piece in PreTokenize(text[last..], step + 1))
            {
                yield return piece;
            }
        }
    }

    private int[] EncodeWord(string word)
    {
        var utf8 = Encoding.UTF8.GetBytes(word);
        var parts = new List<string>(utf8.Length);
        foreach (var b in utf8)
        {
            parts.Add(byteToChar[b]);
        }

        // Llama 3 style "ignore_merges": a word that is itself in the vocabulary is one token, whatever the merges say.
        if (ignoreMerges && vocab.TryGetValue(string.Concat(parts), out var whole))
        {
            return [whole];
        }

        while (parts.Count > 1)
        {
            var bestRank = int.MaxValue;
            var bestIndex = -1;
            for (var i = 0; i < parts.Count - 1; i++)
            {
                if (mergeRanks.TryGetValue((parts[i], parts[i + 1]), out var rank) && rank < bestRank)
                {
                    bestRank = rank;
                    bestIndex = i;
                }
            }

            if (bestIndex < 0)
            {
                break;
            }

            // Merge every occurrence of the best pair in one pass, as the HF BPE model does.
            var left = parts[bestIndex];
            var right = parts[bestIndex + 1];
            var merged = new List<string>(parts.Count);
            for (var i = 0; i < parts.Count; i++)
            {
                if (i < parts.Count - 1 && parts[i] == left && parts[i + 1] == right)
                {
                    merged.Add(left + right);
                    i++;
                }
                else
                {
                    merged.Add(parts[i]);
                }
            }

            parts = merged;
        }

        var ids = new int[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            ids[i] = vocab.TryGetValue(parts[i], out var id) ? id : throw new InvalidOperationException($"Token '{parts[i]}' is not in the vocabulary.");
        }

        return ids;
    }
}
