using System.Text.Json;

namespace ChatRag.Decoder.Onnx.Tokenization;

/// <summary>Reading tokenizer.json.</summary>
public sealed partial class ByteLevelBpeTokenizer
{
    /// <summary>Builds a tokenizer from a parsed <c>tokenizer.json</c> root.</summary>
    /// <exception cref="NotSupportedException">The model is not BPE or the tokenizer is not byte-level.</exception>
    public static new ByteLevelBpeTokenizer FromJson(JsonElement root)
    {
        var model = root.GetProperty("model");
        if (model.TryGetProperty("type", out var type) && type.GetString() != "BPE")
        {
            throw new NotSupportedException($"Tokenizer model '{type.GetString()}' is not supported; only byte-level BPE.");
        }

        if (!root.GetRawText().Contains("\"ByteLevel\"", StringComparison.Ordinal))
        {
            throw new NotSupportedException("Only byte-level BPE tokenizers (Qwen2, Llama 3, GPT-2 style) are supported.");
        }

        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in model.GetProperty("vocab").EnumerateObject())
        {
            vocab[entry.Name] = entry.Value.GetInt32();
        }

        var ranks = new Dictionary<(string, string), int>();
        foreach (var merge in model.GetProperty("merges").EnumerateArray())
        {
            // Older files write "a b", newer ones ["a", "b"].
            (string, string) pair;
            if (merge.ValueKind == JsonValueKind.Array)
            {
                pair = (merge[0].GetString()!, merge[1].GetString()!);
            }
            else
            {
                var text = merge.GetString()!;
                var space = text.IndexOf(' ', StringComparison.Ordinal);
                pair = (text[..space], text[(space + 1)..]);
            }

            ranks.TryAdd(pair, ranks.Count);
        }

        var added = new Dictionary<string, int>(StringComparer.Ordinal);
        var special = new HashSet<int>();
        if (root.TryGetProperty("added_tokens", out var addedTokens) && addedTokens.ValueKind == JsonValueKind.Array)
        {
            foreach (var token in addedTokens.EnumerateArray())
            {
                var id = token.GetProperty("id").GetInt32();
                added[token.GetProperty("content").GetString()!] = id;
                if (token.TryGetProperty("special", out var isSpecial) && isSpecial.GetBoolean())
                {
                    special.Add(id);
                }
            }
        }

        var nfc = root.TryGetProperty("normalizer", out var normalizer) && normalizer.GetRawText().Contains("\"NFC\"", StringComparison.Ordinal);
        var ignoreMerges = model.TryGetProperty("ignore_merges", out var ignore) && ignore.ValueKind == JsonValueKind.True;
        return new ByteLevelBpeTokenizer(vocab, ranks, added, special, SplitPatterns(root), nfc, ignoreMerges);
    }

    /// <summary>
    /// .NET regexes see UTF-16 code units, so an emoji outside the BMP is two surrogates (category Cs), never
    /// <c>\p{S}</c> as in the Rust and JavaScript engines, which match code points. Outside the BMP, what is not a
    /// letter is overwhelmingly a symbol (emoji), so surrogates are counted as symbols wherever <c>\p{S}</c> appears.
    /// Known limit: a letter outside the BMP (CJK Extension B) is then a symbol for patterns that name <c>\p{S}</c>.
    /// </summary>
    /// <param name="pattern">A pre-tokenizer regex written for a code-point engine.</param>
    /// <returns>The pattern with <c>\p{Cs}</c> added wherever <c>\p{S}</c> appears.</returns>
    public static string SymbolsIncludeSurrogates(string pattern)
    {
        var builder = new System.Text.StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            if (string.CompareOrdinal(pattern, i, @"\p{S}", 0, 5) == 0)
            {
                builder.Append(inClass ? @"\p{S}\p{Cs}" : @"[\p{S}\p{Cs}]");
                i += 4;
                continue;
            }

            var c = pattern[i];
            builder.Append(c);
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(pattern[++i]);
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The regexes of the pre-tokenizer, applied in order: each <c>Split</c> (only the "Isolated" behaviour, the one
    /// byte-level tokenizers use), then GPT-2's pattern when the <c>ByteLevel</c> step splits by regex itself
    /// (<c>use_regex</c>, true by default) or when nothing else splits.
    /// </summary>
    private static List<string> SplitPatterns(JsonElement root)
    {
        var patterns = new List<string>();
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind != JsonValueKind.Object)
        {
            return [Gpt2Pattern];
        }

        var steps = pre.TryGetProperty("pretokenizers", out var list) ? list.EnumerateArray().ToList() : [pre];
        var byteLevelRegex = false;
        foreach (var step in steps)
        {
            switch (step.GetProperty("type").GetString())
            {
                case "Split" when step.GetProperty("pattern").TryGetProperty("Regex", out var regex):
                    var behavior = step.TryGetProperty("behavior", out var b) ? b.GetString() : "Isolated";
                    if (behavior != "Isolated" || (step.TryGetProperty("invert", out var invert) && invert.ValueKind == JsonValueKind.True))
                    {
                        throw new NotSupportedException($"Split pre-tokenizer with behaviour '{behavior}' is not supported with byte-level BPE.");
                    }

                    patterns.Add(SymbolsIncludeSurrogates(regex.GetString()!));
                    break;
                case "ByteLevel":
                    byteLevelRegex = !step.TryGetProperty("use_regex", out var use) || use.ValueKind != JsonValueKind.False;
                    break;
                case var other:
                    throw new NotSupportedException($"Pre-tokenizer '{other}' is not supported with byte-level BPE.");
            }
        }

        if (byteLevelRegex || patterns.Count == 0)
        {
            patterns.Add(Gpt2Pattern);
        }

        return patterns;
    }
}
