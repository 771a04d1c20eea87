using System.Globalization;
using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>
/// Builds a Qwen2-like decoder graph (embedding Gather, RMSNorm, rotary attention with grouped KV heads, SwiGLU MLP,
/// tied or untied lm_head) in the genai or optimum convention. The shared parts live here; attention per
/// convention lives in the partial files.
/// </summary>
internal sealed partial class DecoderGraphSynthesizer
{
    private readonly DecoderShape shape;
    private readonly OnnxDataType type;
    private readonly WeightSink weights;
    private readonly OnnxGraphBuilder g = new("decoder");
    private readonly Dictionary<string, object> noAttributes = [];
    private readonly WeightQuantization? quantization;

    public DecoderGraphSynthesizer(DecoderShape shape, OnnxDataType type, WeightSink weights, WeightQuantization? quantization = null)
    {
        this.quantization = quantization;
        this.shape = shape;
        this.type = type;
        this.weights = weights;
    }

    public OnnxGraphBuilder Build(DecoderFormat format)
    {
        var s = shape;
        var inputIds = g.Input("input_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
        var attentionMask = g.Input("attention_mask", OnnxDataType.Int64, "batch_size", "total_sequence_length");
        var positionIds = format != DecoderFormat.Genai ? g.Input("position_ids", OnnxDataType.Int64, "batch_size", "sequence_length") : null;
        var useCacheBranch = format == DecoderFormat.OptimumMerged ? g.Input("use_cache_branch", OnnxDataType.Bool, 1) : null;
        var pastLength = format == DecoderFormat.Genai ? "max_sequence_length" : "past_sequence_length";
        var presentLength = format == DecoderFormat.Genai ? "max_sequence_length" : "total_sequence_length";
        for (var layer = 0; layer < s.Layers; layer++)
        {
            g.Input(Name("past_key_values.{0}.key", layer), type, "batch_size", s.KvHeads, pastLength, s.HeadDim);
            g.Input(Name("past_key_values.{0}.value", layer), type, "batch_size", s.KvHeads, pastLength, s.HeadDim);
        }

        var embedding = g.Initializer(weights.Random("model.embed_tokens.weight", [s.VocabSize, s.HiddenSize], 1.7f));
        var hidden = g.Node("Gather", [embedding, inputIds]);
        var attention = format == DecoderFormat.Genai ? (IAttention)new GqaAttention(this, attentionMask) : new ConcatAttention(this, attentionMask, positionIds!, useCacheBranch);
        for (var layer = 0; layer < s.Layers; layer++)
        {
            var prefix = Name("model.layers.{0}", layer);
            var normed = RmsNorm(hidden, prefix + ".input_layernorm.weight");
            hidden = g.Node("Add", [hidden, attention.Apply(layer, prefix, normed)]);
            normed = RmsNorm(hidden, prefix + ".post_attention_layernorm.weight");
            hidden = g.Node("Add", [hidden, Mlp(prefix, normed)]);
        }

        var final = RmsNorm(hidden, "model.norm.weight");
        if (s.TiedEmbeddings)
        {
            var head = g.Node("Transpose", [embedding], attributes: new Dictionary<string, object> { ["perm"] = new long[] { 1, 0 } });
            g.Node("MatMul", [final, head], "logits");
        }
        else
        {
            g.Node("Identity", [Linear(final, "lm_head", s.HiddenSize, s.VocabSize, false)], "logits");
        }

        g.Output("logits", type, "batch_size", "sequence_length", s.VocabSize);
        for (var layer = 0; layer < s.Layers; layer++)
        {
            g.Output(Name("present.{0}.key", layer), type, "batch_size", s.KvHeads, presentLength, s.HeadDim);
            g.Output(Name("present.{0}.value", layer), type, "batch_size", s.KvHeads, presentLength, s.HeadDim);
        }

        return g;
    }

    private interface IAttention
    {
        string Apply(int layer, string prefix, string normed);
    }

    private static string Name(string format, int layer) => string.Format(CultureInfo.InvariantCulture, format, layer);

    // Uniform in [-a, a] with a = sqrt(3 / fan_in) keeps activations near unit variance, so random models give
    // well separated logits (greedy comparisons are not decided by rounding noise).
    private static float Unit(int fanIn) => MathF.Sqrt(3f / fanIn);

    private string Linear(string input, string name, int inDim, int outDim, bool bias)
    {
        string y;
        if (quantization is { } q)
        {
            var (b, scales, zeros) = weights.RandomQuantized(name + ".weight", inDim, outDim, Unit(inDim), q);
            var attributes = new Dictionary<string, object> { ["K"] = (long)inDim, ["N"] = (long)outDim, ["bits"] = 4L, ["block_size"] = (long)q.BlockSize };
            IReadOnlyList<string> inputs = zeros is null
                ? [input, g.Initializer(b), g.Initializer(scales)]
                : [input, g.Initializer(b), g.Initializer(scales), g.Initializer(zeros)];
            y = g.Node("MatMulNBits", inputs, domain: "com.microsoft", attributes: attributes);
        }
        else
        {
            y = g.Node("MatMul", [input, g.Initializer(weights.Random(name + ".weight", [inDim, outDim], Unit(inDim)))]);
        }

        return bias ? g.Node("Add", [y, g.Initializer(weights.Random(name + ".bias", [outDim], 0.1f))]) : y;
    }

    // RMSNorm computed in fp32 whatever the model type, as Hugging Face does, so fp16 squares cannot overflow.
    private string RmsNorm(string x, string weightName, int? width = null)
    {
        var xf = type == OnnxDataType.Float ? x : Cast(x, OnnxDataType.Float);
        var mean = g.Node("ReduceMean", [g.Node("Mul", [xf, xf])], attributes: new Dictionary<string, object> { ["axes"] = new long[] { -1 }, ["keepdims"] = 1L });
        var eps = g.Scalar(OnnxDataType.Float, shape.RmsEps);
        var normed = g.Node("Div", [xf, g.Node("Sqrt", [g.Node("Add", [mean, eps])])]);
        var typed = type == OnnxDataType.Float ? normed : Cast(normed, type);
        return g.Node("Mul", [typed, g.Initializer(weights.Random(weightName, [width ?? shape.HiddenSize], 0.1f, 1f))]);
    }

    /// <summary>
    /// Qwen3's q_norm / k_norm: RMSNorm over each head of a [B, S, heads * headDim] projection. Returns it as
    /// [B, S, heads, headDim] when <paramref name="keepHeads"/>, else flattened back for GroupQueryAttention.
    /// </summary>
    private string HeadNorm(string x, string weightName, int heads, bool keepHeads)
    {
        var normed = RmsNorm(Reshape(x, 0, 0, heads, shape.HeadDim), weightName, shape.HeadDim);
        return keepHeads ? normed : Reshape(normed, 0, 0, heads * shape.HeadDim);
    }

    private string Mlp(string prefix, string x)
    {
        var gate = Linear(x, prefix + ".mlp.gate_proj", shape.HiddenSize, shape.Intermediate, false);
        var up = Linear(x, prefix + ".mlp.up_proj", shape.HiddenSize, shape.Intermediate, false);
        var silu = g.Node("Mul", [gate, g.Node("Sigmoid", [gate])]);
        return Linear(g.Node("Mul", [silu, up]), prefix + ".mlp.down_proj", shape.Intermediate, shape.HiddenSize, false);
    }

    private string Cast(string x, OnnxDataType to) =>
        g.Node("Cast", [x], attributes: new Dictionary<string, object> { ["to"] = (long)to });

    private string Unsqueeze(string x, params long[] axes) => g.Node("Unsqueeze", [x, g.Int64s(axes)]);

    private string Reshape(string x, params long[] shape) => g.Node("Reshape", [x, g.Int64s(shape)]);

    private string Transpose(string x, params long[] perm) =>
        g.Node("Transpose", [x], attributes: new Dictionary<string, object> { ["perm"] = perm });

    /// <summary>Rotary frequencies: angle[pos, i] = pos * theta^(-2i/headDim) for i below headDim/2.</summary>
    private float[] RotaryAngles(Func<double, double> fn)
    {
        var half = shape.HeadDim / 2;
        var values = new float[shape.MaxPositions * half];
        for (var pos = 0; pos < shape.MaxPositions; pos++)
        {
            for (var i = 0; i < half; i++)
            {
                values[(pos * half) + i] = (float)fn(pos * Math.Pow(shape.RopeTheta, -2.0 * i / shape.HeadDim));
            }
        }

        return values;
    }
}
