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
        return new ByteLevelBpeTokenizer(vocab, ranks, added, special, FindSplitPattern(root) ?? Gpt2Pattern, nfc, ignoreMerges);
    }

    private static string? FindSplitPattern(JsonElement root)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var candidates = pre.TryGetProperty("pretokenizers", out var list) ? list.EnumerateArray().ToList() : [pre];
        foreach (var candidate in candidates)
        {
            if (candidate.TryGetProperty("type", out var t) && t.GetString() == "Split"
                && candidate.GetProperty("pattern").TryGetProperty("Regex", out var regex))
            {
                return regex.GetString();
            }
        }

        return null;
    }
}
