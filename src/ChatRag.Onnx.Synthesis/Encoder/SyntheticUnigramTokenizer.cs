using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRag.Onnx.Synthesis.Encoder;

/// <summary>
/// Writes a small SentencePiece Unigram <c>tokenizer.json</c> in XLM-R's layout (multilingual-e5,
/// paraphrase-multilingual-MiniLM, bge-m3): <c>&lt;s&gt; &lt;pad&gt; &lt;/s&gt; &lt;unk&gt;</c> first, scored pieces
/// (words and sub-words in French, English, Russian, Greek, Japanese, Chinese and Arabic, and every single character
/// they use), <c>&lt;mask&gt;</c> last; a Precompiled + Replace(" {2,}") normaliser, a Metaspace pre-tokenizer, and the
/// <c>&lt;s&gt; A &lt;/s&gt;&lt;/s&gt; B &lt;/s&gt;</c> template. Characters outside it (emoji) become <c>&lt;unk&gt;</c>.
/// </summary>
public static class SyntheticUnigramTokenizer
{
    /// <summary>The word-boundary character.</summary>
    public const string Meta = "\u2581";

    /// <summary>Ids of the special tokens, as in XLM-R.</summary>
    public const int Bos = 0, Pad = 1, Eos = 2, Unk = 3;

    private static readonly string[] Words =
    [
        "▁le", "▁la", "▁les", "▁de", "▁des", "▁du", "▁est", "▁et", "▁un", "▁une", "▁chat", "▁noir", "▁capitale", "▁France",
        "▁Paris", "▁quelle", "▁Quelle", "▁ville", "▁café", "▁élève", "▁été", "▁où", "▁mer", "▁couleur", "▁bleue", "▁boulangerie",
        "▁pain", "▁the", "▁cat", "▁is", "▁black", "▁of", "▁sea", "▁blue", "▁colour", "▁bread", "▁bakery", "▁what", "▁What",
        "ing", "tion", "ment", "er", "es", "s", "▁Москва", "▁город", "▁столица", "▁Αθήνα", "▁πόλη", "東京", "日本", "中文",
        "▁مدينة", "▁في", "▁query", ":", "▁passage", "▁fi", "▁1",
    ];

    private const string Characters =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,;:!?'\"()-/ " +
        "éèêëàâçùûüôîïœÉÀÇßäöñ" + "абвгдежзийклмнопрстуфхцчшщъыьэюяМС" + "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώΑ" +
        "日本語中文東京大阪語" + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";

    /// <summary>The normalisation the Precompiled step applies (a few NFKC mappings, as XLM-R's map has).</summary>
    public static IReadOnlyDictionary<string, string> CharsMap { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["\uFB01"] = "fi",        // ﬁ ligature
        ["\uFF21"] = "A",         // fullwidth A
        ["\uFF50"] = "p",         // fullwidth p
        ["\u00A0"] = " ",         // no-break space
        ["\u2460"] = "1",         // circled digit one
        ["\u212B"] = "\u00C5",    // angstrom sign
    };

    /// <summary>Builds the document; <paramref name="vocabSize"/> receives the number of ids.</summary>
    public static JsonObject Build(out int vocabSize)
    {
        var pieces = new List<(string Piece, double Score)> { ("<s>", 0), ("<pad>", 0), ("</s>", 0), ("<unk>", 0) };
        var seen = new HashSet<string>(StringComparer.Ordinal) { "<s>", "<pad>", "</s>", "<unk>" };
        void Add(string piece, double score)
        {
            if (seen.Add(piece))
            {
                pieces.Add((piece, score));
            }
        }

        Add(Meta, -3.0);
        for (var i = 0; i < Words.Length; i++)
        {
            // Longer pieces score a little worse, as real Unigram log-probabilities do; all beat spelling letter by letter.
            Add(Words[i], -4.0 - (0.05 * Words[i].Length) - (0.001 * i));
        }

        foreach (var rune in Characters.EnumerateRunes())
        {
            if (rune.Value != ' ')
            {
                Add(rune.ToString(), -9.0 - (0.0003 * pieces.Count));
            }
        }

        Add("<mask>", 0);
        var vocab = new JsonArray();
        foreach (var (piece, score) in pieces)
        {
            vocab.Add(new JsonArray(piece, score));
        }

        vocabSize = pieces.Count;
        var mask = pieces.Count - 1;
        return new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = null,
            ["padding"] = null,
            ["added_tokens"] = new JsonArray(
                Added(Bos, "<s>", false), Added(Pad, "<pad>", false), Added(Eos, "</s>", false), Added(Unk, "<unk>", false), Added(mask, "<mask>", true)),
            ["normalizer"] = new JsonObject
            {
                ["type"] = "Sequence",
                ["normalizers"] = new JsonArray(
                    new JsonObject { ["type"] = "Precompiled", ["precompiled_charsmap"] = Convert.ToBase64String(PrecompiledCharsMap.Build(CharsMap)) },
                    new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["Regex"] = " {2,}" }, ["content"] = " " }),
            },
            ["pre_tokenizer"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = Meta, ["prepend_scheme"] = "always", ["split"] = true },
            ["post_processor"] = new JsonObject
            {
                ["type"] = "TemplateProcessing",
                ["single"] = new JsonArray(Special("<s>"), Sequence("A"), Special("</s>")),
                ["pair"] = new JsonArray(Special("<s>"), Sequence("A"), Special("</s>"), Special("</s>"), Sequence("B"), Special("</s>")),
                ["special_tokens"] = new JsonObject
                {
                    ["<s>"] = new JsonObject { ["id"] = "<s>", ["ids"] = new JsonArray(Bos), ["tokens"] = new JsonArray("<s>") },
                    ["</s>"] = new JsonObject { ["id"] = "</s>", ["ids"] = new JsonArray(Eos), ["tokens"] = new JsonArray("</s>") },
                },
            },
            ["decoder"] = new JsonObject { ["type"] = "Metaspace", ["replacement"] = Meta, ["prepend_scheme"] = "always", ["split"] = true },
            ["model"] = new JsonObject { ["type"] = "Unigram", ["unk_id"] = Unk, ["vocab"] = vocab, ["byte_fallback"] = false },
        };
    }

    /// <summary>Writes tokenizer.json into <paramref name="directory"/> and returns the vocabulary size.</summary>
    public static int Write(string directory)
    {
        var doc = Build(out var size);
        File.WriteAllText(Path.Combine(directory, "tokenizer.json"), doc.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));
        return size;
    }

    private static JsonObject Special(string id) => new() { ["SpecialToken"] = new JsonObject { ["id"] = id, ["type_id"] = 0 } };

    private static JsonObject Sequence(string id) => new() { ["Sequence"] = new JsonObject { ["id"] = id, ["type_id"] = 0 } };

    private static JsonObject Added(int id, string content, bool lstrip) => new()
    {
        ["id"] = id, ["content"] = content, ["single_word"] = false, ["lstrip"] = lstrip, ["rstrip"] = false,
        ["normalized"] = false, ["special"] = true,
    };
}
