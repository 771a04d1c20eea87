using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>Reading tokenizer.json: the BPE model, the normaliser, the Metaspace pre-tokenizer and the decoder.</summary>
public sealed partial class SentencePieceBpeTokenizer
{
    /// <summary>Where a Metaspace pre-tokenizer adds the "▁" that stands for a leading space.</summary>
    private enum PrependScheme
    {
        Always,
        First,
        Never,
    }

    /// <summary>Builds the tokenizer from a parsed <c>tokenizer.json</c> root.</summary>
    /// <exception cref="NotSupportedException">The file uses a model or component this tokenizer does not implement.</exception>
    public static new SentencePieceBpeTokenizer FromJson(JsonElement root)
    {
        var model = root.GetProperty("model");
        if (model.TryGetProperty("type", out var type) && type.GetString() != "BPE")
        {
            throw new NotSupportedException($"Tokenizer model '{type.GetString()}' is not supported; only BPE.");
        }

        if (NonEmpty(model, "continuing_subword_prefix") || NonEmpty(model, "end_of_word_suffix"))
        {
            throw new NotSupportedException("BPE with a continuing-subword prefix or end-of-word suffix is not supported.");
        }

        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in model.GetProperty("vocab").EnumerateObject())
        {
            vocab[entry.Name] = entry.Value.GetInt32();
        }

        var merges = new Dictionary<(int, int), (int, int)>();
        foreach (var merge in model.GetProperty("merges").EnumerateArray())
        {
            var (left, right) = merge.ValueKind == JsonValueKind.Array
                ? (merge[0].GetString()!, merge[1].GetString()!)
                : SplitMerge(merge.GetString()!);
            if (!vocab.TryGetValue(left, out var l) || !vocab.TryGetValue(right, out var r) || !vocab.TryGetValue(left + right, out var m))
            {
                throw new InvalidDataException($"Merge '{left} {right}' uses a token missing from the vocabulary.");
            }

            merges.TryAdd((l, r), (merges.Count, m));
        }

        var added = new List<AddedTokenMatcher.AddedToken>();
        if (root.TryGetProperty("added_tokens", out var addedTokens) && addedTokens.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in addedTokens.EnumerateArray())
            {
                added.Add(new AddedTokenMatcher.AddedToken(
                    token.GetProperty("id").GetInt32(), token.GetProperty("content").GetString()!,
                    Flag(token, "special"), Flag(token, "lstrip"), Flag(token, "rstrip")));
            }
        }

        var unk = model.TryGetProperty("unk_token", out var unkToken) && unkToken.ValueKind == JsonValueKind.String
            && vocab.TryGetValue(unkToken.GetString()!, out var unkId) ? unkId : null as int?;
        var settings = new Settings
        {
            ByteFallback = Flag(model, "byte_fallback"),
            FuseUnknown = Flag(model, "fuse_unk"),
            IgnoreMerges = Flag(model, "ignore_merges"),
            UnknownId = unk,
        };
        ReadNormalizer(root.TryGetProperty("normalizer", out var n) ? n : default, settings.Normalizers);
        ReadPreTokenizer(root.TryGetProperty("pre_tokenizer", out var p) ? p : default, settings);
        ReadDecoder(root.TryGetProperty("decoder", out var d) ? d : default, settings);
        return new SentencePieceBpeTokenizer(vocab, merges, added, settings);
    }

    private static void ReadNormalizer(JsonElement element, List<Func<string, string>> steps)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (element.GetProperty("type").GetString())
        {
            case "Sequence":
                foreach (var inner in element.GetProperty("normalizers").EnumerateArray())
                {
                    ReadNormalizer(inner, steps);
                }

                break;
            case "Prepend":
                var prefix = element.GetProperty("prepend").GetString()!;
                steps.Add(s => s.Length == 0 ? s : prefix + s);
                break;
            case "Replace":
                var (pattern, isRegex) = ReadPattern(element);
                var content = element.GetProperty("content").GetString()!;
                steps.Add(isRegex ? s => Regex.Replace(s, pattern, content) : s => s.Replace(pattern, content, StringComparison.Ordinal));
                break;
            case "NFC":
                steps.Add(s => s.Normalize(NormalizationForm.FormC));
                break;
            case "NFKC":
                steps.Add(s => s.Normalize(NormalizationForm.FormKC));
                break;
            case var other:
                throw new NotSupportedException($"Normalizer '{other}' is not supported.");
        }
    }

    private static void ReadPreTokenizer(JsonElement element, Settings settings)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (element.GetProperty("type").GetString())
        {
            case "Sequence":
                foreach (var inner in element.GetProperty("pretokenizers").EnumerateArray())
                {
                    ReadPreTokenizer(inner, settings);
                }

                break;
            case "Metaspace":
                var split = !element.TryGetProperty("split", out var s) || s.ValueKind != JsonValueKind.False;
                settings.Metaspace = new MetaspaceOptions(Replacement(element), Scheme(element), split);
                break;
            case "Split" when element.GetProperty("pattern").TryGetProperty("String", out var literal)
                && element.TryGetProperty("behavior", out var behavior) && behavior.GetString() == "MergedWithPrevious"
                && !Flag(element, "invert"):
                // Gemma 3: split after each space (the space stays with the word before it).
                settings.SplitAfter = literal.GetString();
                break;
            case var other:
                throw new NotSupportedException($"Pre-tokenizer '{other}' is not supported with SentencePiece-style BPE.");
        }
    }

    private static void ReadDecoder(JsonElement element, Settings settings)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        switch (element.GetProperty("type").GetString())
        {
            case "Sequence":
                foreach (var inner in element.GetProperty("decoders").EnumerateArray())
                {
                    ReadDecoder(inner, settings);
                }

                break;
            case "Replace":
                var (pattern, isRegex) = ReadPattern(element);
                settings.DecodeReplace = isRegex ? throw new NotSupportedException("Regex Replace decoders are not supported.") : (pattern, element.GetProperty("content").GetString()!);
                break;
            case "ByteFallback":
                settings.DecodeByteTokens = true;
                break;
            case "Fuse":
                break;
            case "Strip":
                if (element.GetProperty("content").GetString() != " " || element.GetProperty("stop").GetInt32() != 0)
                {
                    throw new NotSupportedException("Only a Strip decoder removing leading spaces is supported.");
                }

                settings.StripLeadingSpaces = element.GetProperty("start").GetInt32();
                break;
            case "Metaspace":
                settings.DecodeReplace = (Replacement(element).ToString(), " ");
                settings.DropMetaInFirstToken = Scheme(element) == PrependScheme.Never ? null : Replacement(element);
                break;
            case var other:
                throw new NotSupportedException($"Decoder '{other}' is not supported with SentencePiece-style BPE.");
        }
    }

    private static char Replacement(JsonElement metaspace) =>
        metaspace.TryGetProperty("replacement", out var r) && r.GetString() is { Length: 1 } text ? text[0] : '\u2581';

    // Older files write add_prefix_space (true meaning "always"); newer ones prepend_scheme.
    private static PrependScheme Scheme(JsonElement metaspace) =>
        metaspace.TryGetProperty("prepend_scheme", out var scheme) && scheme.ValueKind == JsonValueKind.String
            ? scheme.GetString() switch { "first" => PrependScheme.First, "never" => PrependScheme.Never, _ => PrependScheme.Always }
            : metaspace.TryGetProperty("add_prefix_space", out var add) && add.ValueKind == JsonValueKind.False ? PrependScheme.Never : PrependScheme.Always;

    private static (string Pattern, bool IsRegex) ReadPattern(JsonElement element)
    {
        var pattern = element.GetProperty("pattern");
        return pattern.TryGetProperty("String", out var text) ? (text.GetString()!, false) : (pattern.GetProperty("Regex").GetString()!, true);
    }

    private static (string, string) SplitMerge(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return (text[..space], text[(space + 1)..]);
    }

    private static bool Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static bool NonEmpty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0;

    private sealed record MetaspaceOptions(char Replacement, PrependScheme Scheme, bool Split);

    /// <summary>Everything read from the file besides vocabulary, merges and added tokens.</summary>
    private sealed class Settings
    {
        public List<Func<string, string>> Normalizers { get; } = [];

        public MetaspaceOptions? Metaspace { get; set; }

        public string? SplitAfter { get; set; }

        public bool ByteFallback { get; init; }

        public bool FuseUnknown { get; init; }

        public bool IgnoreMerges { get; init; }

        public int? UnknownId { get; init; }

        public bool DecodeByteTokens { get; set; }

        public (string From, string To)? DecodeReplace { get; set; }

        public int StripLeadingSpaces { get; set; }

        public char? DropMetaInFirstToken { get; set; }
    }
}
