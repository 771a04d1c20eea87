using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>
/// Writes a small byte-level BPE <c>tokenizer.json</c> in Qwen's layout: 256 byte tokens, merges for a handful of
/// common English pieces, Qwen's pre-tokenizer regex, and the ChatML special tokens.
/// </summary>
public static class SyntheticTokenizer
{
    /// <summary>Qwen2's pre-tokenizer split pattern.</summary>
    public const string QwenPattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private static readonly string[] Words =
    [
        "Ġthe", "Ġand", "Ġto", "Ġof", "Ġin", "Ġis", "Ġyou", "Ġhello", "Ġworld", "ing", "er", "on", "Ġa", "Ġit",
        "Ġthat", "Ġfor", "Ġwith", "Ġassistant", "Ġuser", "Ġsystem", "assistant", "user", "system", "ĊĊ", "Ġ{\"", "\":",
    ];

    /// <summary>Special tokens appended after the BPE vocabulary, in id order; the first three are special.</summary>
    public static IReadOnlyList<string> AddedTokens { get; } =
        ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<tool_call>", "</tool_call>", "<think>", "</think>"];

    /// <summary>Builds the tokenizer.json document; <paramref name="vocabSize"/> receives the total token count.</summary>
    public static JsonObject Build(out int vocabSize)
    {
        var vocab = new JsonObject();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ch in ByteAlphabet())
        {
            ids[ch] = ids.Count;
        }

        var merges = new JsonArray();
        foreach (var word in Words)
        {
            // Merge left to right: ((w0 w1) w2)...; each new piece becomes a token once.
            var current = word[..1];
            for (var i = 1; i < word.Length; i++)
            {
                var next = word[i].ToString();
                var merged = current + next;
                if (!ids.ContainsKey(merged))
                {
                    merges.Add($"{current} {next}");
                    ids[merged] = ids.Count;
                }

                current = merged;
            }
        }

        foreach (var (token, id) in ids)
        {
            vocab[token] = id;
        }

        var added = new JsonArray();
        for (var i = 0; i < AddedTokens.Count; i++)
        {
            added.Add(new JsonObject
            {
                ["id"] = ids.Count + i, ["content"] = AddedTokens[i], ["single_word"] = false, ["lstrip"] = false,
                ["rstrip"] = false, ["normalized"] = false, ["special"] = i < 3,
            });
        }

        vocabSize = ids.Count + AddedTokens.Count;
        var byteLevel = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = false };
        return new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = added,
            ["normalizer"] = new JsonObject { ["type"] = "NFC" },
            ["pre_tokenizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["pretokenizers"] = new JsonArray(
                    new JsonObject { ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = QwenPattern }, ["behavior"] = "Isolated", ["invert"] = false },
                    byteLevel.DeepClone()),
            },
            ["post_processor"] = byteLevel.DeepClone(),
            ["decoder"] = byteLevel.DeepClone(),
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = null, ["continuing_subword_prefix"] = "",
                ["end_of_word_suffix"] = "", ["fuse_unk"] = false, ["byte_fallback"] = false, ["ignore_merges"] = false,
                ["vocab"] = vocab, ["merges"] = merges,
            },
        };
    }

    /// <summary>Writes tokenizer.json and returns the vocabulary size.</summary>
    public static int Write(string directory)
    {
        var doc = Build(out var size);
        File.WriteAllText(Path.Combine(directory, "tokenizer.json"), doc.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return size;
    }

    /// <summary>GPT-2's bytes_to_unicode: printable bytes map to themselves, the rest to code points from 256 up.</summary>
    public static IReadOnlyList<string> ByteAlphabet()
    {
        var result = new string[256];
        var extra = 0;
        for (var b = 0; b < 256; b++)
        {
            var printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
            result[b] = ((char)(printable ? b : 256 + extra++)).ToString();
        }

        return result;
    }
}
