using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Onnx.Synthesis.Encoder;

/// <summary>
/// Writes XLM-R-shaped encoder and cross-encoder folders with seeded random weights, for tests without downloads:
/// the Unigram <see cref="SyntheticUnigramTokenizer"/>, and a graph over <c>input_ids</c> and <c>attention_mask</c>
/// (no token types, as XLM-R exports). The encoder's token states are an embedding lookup, so mean pooling makes a
/// bag-of-pieces vector and texts sharing words really are close. The cross-encoder's logit is the masked sum of a
/// weight per token, so a test can make chosen words relevant.
/// </summary>
public static class SyntheticEncoderFolder
{
    private static readonly Dictionary<string, long> Opsets = new() { [""] = 17 };

    /// <summary>Writes an embedding model folder (model.onnx, tokenizer.json, encoder.json) and returns it.</summary>
    /// <param name="directory">Folder to write.</param>
    /// <param name="dimensions">Embedding length.</param>
    /// <param name="seed">Weight seed.</param>
    /// <param name="languages">Languages to declare in encoder.json; null declares none (multilingual).</param>
    public static string WriteEncoder(string directory, int dimensions = 32, int seed = 7, IReadOnlyList<string>? languages = null)
    {
        var dir = Directory.CreateDirectory(directory).FullName;
        var vocab = SyntheticUnigramTokenizer.Write(dir);
        var g = new OnnxGraphBuilder("xlmr-encoder");
        var ids = g.Input("input_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
        g.Input("attention_mask", OnnxDataType.Int64, "batch_size", "sequence_length");
        var random = new Random(seed);
        var weights = new float[vocab * dimensions];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((random.NextDouble() * 2) - 1);
        }

        var table = g.Initializer(Floats("embeddings.word_embeddings.weight", [vocab, dimensions], weights));
        g.Node("Gather", [table, ids], "last_hidden_state");
        g.Output("last_hidden_state", OnnxDataType.Float, "batch_size", "sequence_length", dimensions);
        OnnxModelWriter.Write(Path.Combine(dir, "model.onnx"), g, Opsets);

        var config = new JsonObject
        {
            ["name"] = Path.GetFileName(dir), ["modelId"] = "synthetic/xlmr-tiny", ["dimensions"] = dimensions, ["pooling"] = "mean",
            ["normalize"] = true, ["maxTokens"] = 128, ["queryPrefix"] = "query: ", ["documentPrefix"] = "passage: ",
        };
        if (languages is not null)
        {
            config["languages"] = new JsonArray([.. languages.Select(l => JsonValue.Create(l))]);
        }

        File.WriteAllText(Path.Combine(dir, "encoder.json"), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return dir;
    }

    /// <summary>
    /// Writes a cross-encoder folder (model.onnx with a <c>logits</c> [batch, 1] output and a tokenizer) and returns it.
    /// Each piece weighs a small seeded random amount, except the pieces of <paramref name="relevantWords"/>, which weigh 5.
    /// <paramref name="bert"/> writes a BERT-style folder instead (WordPiece <c>vocab.txt</c>, a <c>token_type_ids</c>
    /// input whose second-segment tokens add a little, as a real model's segment embeddings would).
    /// </summary>
    public static string WriteCrossEncoder(string directory, IReadOnlyCollection<string>? relevantWords = null, int seed = 11, bool bert = false)
    {
        var dir = Directory.CreateDirectory(directory).FullName;
        var relevant = new HashSet<string>(relevantWords ?? [], StringComparer.Ordinal);
        string[] pieces;
        if (bert)
        {
            pieces = [.. BertSpecials, .. BertWords];
            File.WriteAllLines(Path.Combine(dir, "vocab.txt"), pieces);
        }
        else
        {
            var document = SyntheticUnigramTokenizer.Build(out _);
            File.WriteAllText(Path.Combine(dir, "tokenizer.json"), document.ToJsonString());
            pieces = [.. document["model"]!["vocab"]!.AsArray().Select(e => e![0]!.GetValue<string>().TrimStart('\u2581'))];
        }

        var random = new Random(seed);
        var weights = pieces.Select(p => relevant.Contains(p) ? 5f : (float)(random.NextDouble() * 0.1)).ToArray();
        var g = new OnnxGraphBuilder("cross-encoder");
        var ids = g.Input("input_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
        var mask = g.Input("attention_mask", OnnxDataType.Int64, "batch_size", "sequence_length");
        var perToken = g.Node("Gather", [g.Initializer(Floats("classifier.token_weight", [pieces.Length], weights)), ids]);
        var maskF = Cast(g, mask);
        var masked = g.Node("Mul", [perToken, maskF]);
        if (bert)
        {
            var types = g.Input("token_type_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
            var segment = g.Node("Mul", [Cast(g, types), g.Scalar(OnnxDataType.Float, 0.001f)]);
            masked = g.Node("Add", [masked, g.Node("Mul", [segment, maskF])]);
        }

        g.Node("ReduceSum", [masked, g.Int64s(1)], "logits", attributes: new Dictionary<string, object> { ["keepdims"] = 1L });
        g.Output("logits", OnnxDataType.Float, "batch_size", 1);
        OnnxModelWriter.Write(Path.Combine(dir, "model.onnx"), g, Opsets);
        return dir;
    }

    private static readonly string[] BertSpecials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    private static readonly string[] BertWords =
    [
        "the", "a", "is", "of", "what", "where", "cat", "black", "sea", "blue", "colour", "bread", "bakery", "paris",
        "capital", "france", "city", "opens", "at", "red", "apple", "juice", "tree", "pie", "grows", "pressed", "from",
        "on", "sells", "made", "##s", "##ing", ".", ",", "?", "!", "'", "-",
    ];

    private static string Cast(OnnxGraphBuilder g, string value) =>
        g.Node("Cast", [value], attributes: new Dictionary<string, object> { ["to"] = (long)OnnxDataType.Float });

    private static TensorData Floats(string name, long[] dims, float[] values)
    {
        var raw = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return new TensorData(name, OnnxDataType.Float, dims, raw);
    }
}
