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
    private readonly DecoderShape _shape;
    private readonly OnnxDataType _type;
    private readonly WeightSink _weights;
    private readonly OnnxGraphBuilder _g = new("decoder");
    private readonly Dictionary<string, object> _noAttributes = [];
    private readonly WeightQuantization? _quantization;

    public DecoderGraphSynthesizer(DecoderShape shape, OnnxDataType type, WeightSink weights, WeightQuantization? quantization = null)
    {
        _quantization = quantization;
        _shape = shape;
        _type = type;
        _weights = weights;
    }

    public OnnxGraphBuilder Build(DecoderFormat format)
    {
        var s = _shape;
        var inputIds = _g.Input("input_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
        var attentionMask = _g.Input("attention_mask", OnnxDataType.Int64, "batch_size", "total_sequence_length");
        var positionIds = format != DecoderFormat.Genai ? _g.Input("position_ids", OnnxDataType.Int64, "batch_size", "sequence_length") : null;
        var useCacheBranch = format == DecoderFormat.OptimumMerged ? _g.Input("use_cache_branch", OnnxDataType.Bool, 1) : null;
        var pastLength = format == DecoderFormat.Genai ? "max_sequence_length" : "past_sequence_length";
        var presentLength = format == DecoderFormat.Genai ? "max_sequence_length" : "total_sequence_length";
        for (var layer = 0; layer < s.Layers; layer++)
        {
            _g.Input(Name("past_key_values.{0}.key", layer), _type, "batch_size", s.KvHeads, pastLength, s.HeadDim);
            _g.Input(Name("past_key_values.{0}.value", layer), _type, "batch_size", s.KvHeads, pastLength, s.HeadDim);
        }

        var embedding = _g.Initializer(_weights.Random("model.embed_tokens.weight", [s.VocabSize, s.HiddenSize], 1.7f));
        var hidden = _g.Node("Gather", [embedding, inputIds]);
        var attention = format == DecoderFormat.Genai ? (IAttention)new GqaAttention(this, attentionMask) : new ConcatAttention(this, attentionMask, positionIds!, useCacheBranch);
        for (var layer = 0; layer < s.Layers; layer++)
        {
            var prefix = Name("model.layers.{0}", layer);
            var normed = RmsNorm(hidden, prefix + ".input_layernorm.weight");
            hidden = _g.Node("Add", [hidden, attention.Apply(layer, prefix, normed)]);
            normed = RmsNorm(hidden, prefix + ".post_attention_layernorm.weight");
            hidden = _g.Node("Add", [hidden, Mlp(prefix, normed)]);
        }

        var final = RmsNorm(hidden, "model.norm.weight");
        if (s.TiedEmbeddings)
        {
            var head = _g.Node("Transpose", [embedding], attributes: new Dictionary<string, object> { ["perm"] = new long[] { 1, 0 } });
            _g.Node("MatMul", [final, head], "logits");
        }
        else
        {
            _g.Node("Identity", [Linear(final, "lm_head", s.HiddenSize, s.VocabSize, false)], "logits");
        }

        _g.Output("logits", _type, "batch_size", "sequence_length", s.VocabSize);
        for (var layer = 0; layer < s.Layers; layer++)
        {
            _g.Output(Name("present.{0}.key", layer), _type, "batch_size", s.KvHeads, presentLength, s.HeadDim);
            _g.Output(Name("present.{0}.value", layer), _type, "batch_size", s.KvHeads, presentLength, s.HeadDim);
        }

        return _g;
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
        if (_quantization is { } q)
        {
            var (b, scales, zeros) = _weights.RandomQuantized(name + ".weight", inDim, outDim, Unit(inDim), q);
            var attributes = new Dictionary<string, object> { ["K"] = (long)inDim, ["N"] = (long)outDim, ["bits"] = 4L, ["block_size"] = (long)q.BlockSize };
            IReadOnlyList<string> inputs = zeros is null
                ? [input, _g.Initializer(b), _g.Initializer(scales)]
                : [input, _g.Initializer(b), _g.Initializer(scales), _g.Initializer(zeros)];
            y = _g.Node("MatMulNBits", inputs, domain: "com.microsoft", attributes: attributes);
        }
        else
        {
            y = _g.Node("MatMul", [input, _g.Initializer(_weights.Random(name + ".weight", [inDim, outDim], Unit(inDim)))]);
        }

        return bias ? _g.Node("Add", [y, _g.Initializer(_weights.Random(name + ".bias", [outDim], 0.1f))]) : y;
    }

    // RMSNorm computed in fp32 whatever the model type, as Hugging Face does, so fp16 squares cannot overflow.
    private string RmsNorm(string x, string weightName, int? width = null)
    {
        var xf = _type == OnnxDataType.Float ? x : Cast(x, OnnxDataType.Float);
        var mean = _g.Node("ReduceMean", [_g.Node("Mul", [xf, xf])], attributes: new Dictionary<string, object> { ["axes"] = new long[] { -1 }, ["keepdims"] = 1L });
        var eps = _g.Scalar(OnnxDataType.Float, _shape.RmsEps);
        var normed = _g.Node("Div", [xf, _g.Node("Sqrt", [_g.Node("Add", [mean, eps])])]);
        var typed = _type == OnnxDataType.Float ? normed : Cast(normed, _type);
        return _g.Node("Mul", [typed, _g.Initializer(_weights.Random(weightName, [width ?? _shape.HiddenSize], 0.1f, 1f))]);
    }

    /// <summary>
    /// Qwen3's q_norm / k_norm: RMSNorm over each head of a [B, S, heads * headDim] projection. Returns it as
    /// [B, S, heads, headDim] when <paramref name="keepHeads"/>, else flattened back for GroupQueryAttention.
    /// </summary>
    private string HeadNorm(string x, string weightName, int heads, bool keepHeads)
    {
        var normed = RmsNorm(Reshape(x, 0, 0, heads, _shape.HeadDim), weightName, _shape.HeadDim);
        return keepHeads ? normed : Reshape(normed, 0, 0, heads * _shape.HeadDim);
    }

    private string Mlp(string prefix, string x)
    {
        var gate = Linear(x, prefix + ".mlp.gate_proj", _shape.HiddenSize, _shape.Intermediate, false);
        var up = Linear(x, prefix + ".mlp.up_proj", _shape.HiddenSize, _shape.Intermediate, false);
        var silu = _g.Node("Mul", [gate, _g.Node("Sigmoid", [gate])]);
        return Linear(_g.Node("Mul", [silu, up]), prefix + ".mlp.down_proj", _shape.Intermediate, _shape.HiddenSize, false);
    }

    private string Cast(string x, OnnxDataType to) =>
        _g.Node("Cast", [x], attributes: new Dictionary<string, object> { ["to"] = (long)to });

    private string Unsqueeze(string x, params long[] axes) => _g.Node("Unsqueeze", [x, _g.Int64s(axes)]);

    private string Reshape(string x, params long[] shape) => _g.Node("Reshape", [x, _g.Int64s(shape)]);

    private string Transpose(string x, params long[] perm) =>
        _g.Node("Transpose", [x], attributes: new Dictionary<string, object> { ["perm"] = perm });

    /// <summary>Rotary frequencies: angle[pos, i] = pos * theta^(-2i/headDim) for i below headDim/2.</summary>
    private float[] RotaryAngles(Func<double, double> fn)
    {
        var half = _shape.HeadDim / 2;
        var values = new float[_shape.MaxPositions * half];
        for (var pos = 0; pos < _shape.MaxPositions; pos++)
        {
            for (var i = 0; i < half; i++)
            {
                values[(pos * half) + i] = (float)fn(pos * Math.Pow(_shape.RopeTheta, -2.0 * i / _shape.HeadDim));
            }
        }

        return values;
    }
}
