using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>
/// Writes a small SentencePiece-style BPE <c>tokenizer.json</c> in Phi-3.5's layout: <c>&lt;unk&gt; &lt;s&gt; &lt;/s&gt;</c>,
/// the 256 <c>&lt;0xNN&gt;</c> byte-fallback tokens, "▁" and printable ASCII as single characters, merges for a
/// handful of words, the Prepend("▁") + Replace(" " → "▁") normaliser, no pre-tokenizer, the
/// Replace/ByteFallback/Fuse/Strip decoder, and Phi-3.5's chat tokens. Anything else (CJK, emoji, most accents)
/// is spelled in byte tokens.
/// </summary>
public static class SyntheticSentencePieceTokenizer
{
    /// <summary>The word-boundary character SentencePiece writes for a space.</summary>
    public const string Meta = "\u2581";

    private static readonly string[] Words =
    [
        "▁the", "▁and", "▁to", "▁of", "▁in", "▁is", "▁you", "▁hello", "▁world", "ing", "er", "on", "▁a", "▁it",
        "▁that", "▁for", "▁with", "▁assistant", "▁user", "▁system", "▁▁", "▁▁▁▁", "é", "▁café",
    ];

    /// <summary>Chat tokens appended after the vocabulary, in id order (Phi-3.5's, all special).</summary>
    public static IReadOnlyList<string> AddedTokens { get; } =
        ["<|endoftext|>", "<|assistant|>", "<|system|>", "<|end|>", "<|user|>"];

    /// <summary>Builds the tokenizer.json document; <paramref name="vocabSize"/> receives the total token count.</summary>
    public static JsonObject Build(out int vocabSize)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal) { ["<unk>"] = 0, ["<s>"] = 1, ["</s>"] = 2 };
        for (var b = 0; b < 256; b++)
        {
            ids[string.Create(CultureInfo.InvariantCulture, $"<0x{b:X2}>")] = ids.Count;
        }

        ids[Meta] = ids.Count;
        for (var c = 0x21; c <= 0x7E; c++)
        {
            ids[((char)c).ToString()] = ids.Count;
        }

        var merges = new JsonArray();
        foreach (var word in Words)
        {
            var current = word[..1];
            ids.TryAdd(current, ids.Count);
            for (var i = 1; i < word.Length; i++)
            {
                var next = word[i].ToString();
                ids.TryAdd(next, ids.Count); // "é" and the like become single-character tokens
                var merged = current + next;
                if (!ids.ContainsKey(merged))
                {
                    merges.Add($"{current} {next}");
                    ids[merged] = ids.Count;
                }

                current = merged;
            }
        }

        var vocab = new JsonObject();
        foreach (var (token, id) in ids)
        {
            vocab[token] = id;
        }

        var added = new JsonArray(Added(0, "<unk>"), Added(1, "<s>"), Added(2, "</s>"));
        for (var i = 0; i < AddedTokens.Count; i++)
        {
            added.Add(Added(ids.Count + i, AddedTokens[i]));
        }

        vocabSize = ids.Count + AddedTokens.Count;
        return new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = added,
            ["normalizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["normalizers"] = new JsonArray(
                    new JsonObject { ["type"] = "Prepend", ["prepend"] = Meta },
                    new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["String"] = " " }, ["content"] = Meta }),
            },
            ["pre_tokenizer"] = null,
            ["post_processor"] = null,
            ["decoder"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["decoders"] = new JsonArray(
                    new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["String"] = Meta }, ["content"] = " " },
                    new JsonObject { ["type"] = "ByteFallback" },
                    new JsonObject { ["type"] = "Fuse" },
                    new JsonObject { ["type"] = "Strip", ["content"] = " ", ["start"] = 1, ["stop"] = 0 }),
            },
            ["model"] = new JsonObject
            {
                ["type"] = "BPE", ["dropout"] = null, ["unk_token"] = "<unk>", ["continuing_subword_prefix"] = null,
                ["end_of_word_suffix"] = null, ["fuse_unk"] = true, ["byte_fallback"] = true, ["vocab"] = vocab, ["merges"] = merges,
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

    private static JsonObject Added(int id, string content) => new()
    {
        ["id"] = id, ["content"] = content, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false,
        ["normalized"] = false, ["special"] = true,
    };
}
