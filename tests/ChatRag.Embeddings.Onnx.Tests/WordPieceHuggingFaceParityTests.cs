using System.Text.Json.Nodes;
using ChatRag.Embeddings.Onnx.Tokenization;

namespace ChatRag.Embeddings.Onnx.Tests;

/// <summary>
/// Our WordPiece against Hugging Face's Rust tokenizer (Tokenizers.DotNet) on each bundled encoder's own vocab.txt.
/// The folders ship no tokenizer.json, so the one both model repositories publish (BertNormalizer, BertPreTokenizer,
/// WordPiece, [CLS] $A [SEP], truncation at the model's length) is rebuilt here from the vocabulary.
/// </summary>
[Collection(BundledModelsCollection.Name)]
public sealed class WordPieceHuggingFaceParityTests(BundledModelsFixture fixture) : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("chatrag-wordpiece-").FullName;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var encoder in new[] { "arctic-xs", "minilm" })
        {
            foreach (var (name, _) in EncoderReferenceParityTests.Texts())
            {
                data.Add(encoder, name);
            }

            foreach (var name in Extra.Keys)
            {
                data.Add(encoder, name);
            }
        }

        return data;
    }

    // Beyond the embedding set: the corners the hand-derived TokenizerParityTests cover, now against the real library.
    private static readonly Dictionary<string, string> Extra = new()
    {
        ["long-word"] = "a " + new string('x', 101) + " b " + new string('y', 100),
        ["greek-turkish"] = "ΟΔΟΣ İstanbul ǅ ß ﬁ",
        ["kana-hangul"] = "データ 한국어 ｶﾀｶﾅ",
        ["compat-unassigned"] = "\uF90A hello \u0378 \uFFFD",
        ["combining"] = "e\u0301te\u0301 Å A\u030A",
        ["wordpiece-splits"] = "unaffable tokenization hyperparameterisation",
        ["symbols"] = "€£¥ ©®™ ½ ² µ ° ‰ → ∑ ∞ — – …",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ids_equal_hugging_face_tokenizers(string encoder, string name)
    {
        var text = Extra.TryGetValue(name, out var extra) ? extra : EncoderReferenceParityTests.Text(name);
        var generator = encoder == "arctic-xs" ? fixture.Arctic : fixture.MiniLm;
        var maxTokens = generator.Model.Config.MaxTokens;
        var vocab = Path.Combine(fixture.ModelsDirectory, encoder, "vocab.txt");
        var reference = new Tokenizers.DotNet.Tokenizer(vocabPath: WriteTokenizerJson(vocab, maxTokens));

        var expected = reference.Encode(text).Select(id => (int)id).ToArray();

        Assert.Equal(expected, BertTokenizer.FromVocabFile(vocab).Encode(text, maxTokens));
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string WriteTokenizerJson(string vocabPath, int maxTokens)
    {
        var tokens = File.ReadAllLines(vocabPath);
        var vocab = new JsonObject();
        for (var id = 0; id < tokens.Length; id++)
        {
            vocab[tokens[id]] = id;
        }

        int Id(string token) => Array.IndexOf(tokens, token);
        JsonObject Special(string token) => new() { ["SpecialToken"] = new JsonObject { ["id"] = token, ["type_id"] = 0 } };
        var json = new JsonObject
        {
            ["version"] = "1.0",
            ["truncation"] = new JsonObject { ["direction"] = "Right", ["max_length"] = maxTokens, ["strategy"] = "LongestFirst", ["stride"] = 0 },
            ["padding"] = null,
            ["added_tokens"] = new JsonArray([.. new[] { "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]" }.Select(t => (JsonNode)new JsonObject
            {
                ["id"] = Id(t), ["content"] = t, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false, ["normalized"] = false, ["special"] = true,
            })]),
            ["normalizer"] = new JsonObject { ["type"] = "BertNormalizer", ["clean_text"] = true, ["handle_chinese_chars"] = true, ["strip_accents"] = null, ["lowercase"] = true },
            ["pre_tokenizer"] = new JsonObject { ["type"] = "BertPreTokenizer" },
            ["post_processor"] = new JsonObject
            {
                ["type"] = "TemplateProcessing",
                ["single"] = new JsonArray(Special("[CLS]"), new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "A", ["type_id"] = 0 } }, Special("[SEP]")),
                ["pair"] = new JsonArray(Special("[CLS]"), new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "A", ["type_id"] = 0 } }, Special("[SEP]")),
                ["special_tokens"] = new JsonObject
                {
                    ["[CLS]"] = new JsonObject { ["id"] = "[CLS]", ["ids"] = new JsonArray(Id("[CLS]")), ["tokens"] = new JsonArray("[CLS]") },
                    ["[SEP]"] = new JsonObject { ["id"] = "[SEP]", ["ids"] = new JsonArray(Id("[SEP]")), ["tokens"] = new JsonArray("[SEP]") },
                },
            },
            ["decoder"] = new JsonObject { ["type"] = "WordPiece", ["prefix"] = "##", ["cleanup"] = true },
            ["model"] = new JsonObject
            {
                ["type"] = "WordPiece", ["unk_token"] = "[UNK]", ["continuing_subword_prefix"] = "##", ["max_input_chars_per_word"] = 100, ["vocab"] = vocab,
            },
        };
        var path = Path.Combine(dir, $"{Path.GetFileName(Path.GetDirectoryName(vocabPath))}-tokenizer.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
