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
    /// Writes a cross-encoder folder (model.onnx with a <c>logits</c> [batch, 1] output, tokenizer.json) and returns it.
    /// Each piece weighs a small seeded random amount, except the pieces of <paramref name="relevantWords"/>, which weigh 5.
    /// </summary>
    public static string WriteCrossEncoder(string directory, IReadOnlyCollection<string>? relevantWords = null, int seed = 11)
    {
        var dir = Directory.CreateDirectory(directory).FullName;
        var document = SyntheticUnigramTokenizer.Build(out var vocab);
        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), document.ToJsonString());
        var relevant = new HashSet<string>((relevantWords ?? []).Select(w => SyntheticUnigramTokenizer.Meta + w), StringComparer.Ordinal);
        var random = new Random(seed);
        var weights = new float[vocab];
        var index = 0;
        foreach (var entry in document["model"]!["vocab"]!.AsArray())
        {
            weights[index++] = relevant.Contains(entry![0]!.GetValue<string>()) ? 5f : (float)(random.NextDouble() * 0.1);
        }

        var g = new OnnxGraphBuilder("xlmr-cross-encoder");
        var ids = g.Input("input_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
        var mask = g.Input("attention_mask", OnnxDataType.Int64, "batch_size", "sequence_length");
        var perToken = g.Node("Gather", [g.Initializer(Floats("classifier.token_weight", [vocab], weights)), ids]);
        var masked = g.Node("Mul", [perToken, g.Node("Cast", [mask], attributes: new Dictionary<string, object> { ["to"] = (long)OnnxDataType.Float })]);
        g.Node("ReduceSum", [masked, g.Int64s(1)], "logits", attributes: new Dictionary<string, object> { ["keepdims"] = 1L });
        g.Output("logits", OnnxDataType.Float, "batch_size", 1);
        OnnxModelWriter.Write(Path.Combine(dir, "model.onnx"), g, Opsets);
        return dir;
    }

    private static TensorData Floats(string name, long[] dims, float[] values)
    {
        var raw = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return new TensorData(name, OnnxDataType.Float, dims, raw);
    }
}
