using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>
/// genai-builder-style attention: com.microsoft GroupQueryAttention with do_rotary and cos/sin caches, fed
/// seqlens_k = sum(attention_mask) - 1 and total_sequence_length = attention_mask width, as the builder wires it.
/// Past and present share one [B, KV, max, D] buffer when the caller binds them to the same memory.
/// </summary>
internal sealed partial class DecoderGraphSynthesizer
{
    private sealed class GqaAttention : IAttention
    {
        private readonly DecoderGraphSynthesizer s;
        private readonly string seqlensK;
        private readonly string totalLength;
        private readonly string cosCache;
        private readonly string sinCache;

        public GqaAttention(DecoderGraphSynthesizer s, string attentionMask)
        {
            this.s = s;
            var g = s.g;
            var sum = g.Node("ReduceSum", [attentionMask, g.Int64s(1)], attributes: new Dictionary<string, object> { ["keepdims"] = 0L });
            seqlensK = s.Cast(g.Node("Sub", [sum, g.Int64Scalar(1)]), OnnxDataType.Int32);
            totalLength = s.Cast(g.Node("Gather", [g.Node("Shape", [attentionMask]), g.Int64Scalar(1)]), OnnxDataType.Int32);
            long[] dims = [s.shape.MaxPositions, s.shape.HeadDim / 2];
            cosCache = g.Initializer(s.weights.FromValues("cos_cache", dims, s.RotaryAngles(Math.Cos)));
            sinCache = g.Initializer(s.weights.FromValues("sin_cache", dims, s.RotaryAngles(Math.Sin)));
        }

        public string Apply(int layer, string prefix, string normed)
        {
            var s = this.s;
            var shape = s.shape;
            var q = s.Linear(normed, prefix + ".self_attn.q_proj", shape.HiddenSize, shape.Heads * shape.HeadDim, shape.AttentionBias);
            var k = s.Linear(normed, prefix + ".self_attn.k_proj", shape.HiddenSize, shape.KvHeads * shape.HeadDim, shape.AttentionBias);
            var v = s.Linear(normed, prefix + ".self_attn.v_proj", shape.HiddenSize, shape.KvHeads * shape.HeadDim, shape.AttentionBias);
            if (shape.QkNorm)
            {
                // As the genai builder writes Qwen3: normalise per head, then hand GroupQueryAttention the flat layout again.
                q = s.HeadNorm(q, prefix + ".self_attn.q_norm.weight", shape.Heads, keepHeads: false);
                k = s.HeadNorm(k, prefix + ".self_attn.k_norm.weight", shape.KvHeads, keepHeads: false);
            }

            var attributes = new Dictionary<string, object>
            {
                ["num_heads"] = (long)shape.Heads,
                ["kv_num_heads"] = (long)shape.KvHeads,
                ["do_rotary"] = 1L,
                ["rotary_interleaved"] = 0L,
                ["scale"] = 1f / MathF.Sqrt(shape.HeadDim),
                ["local_window_size"] = -1L,
            };
            var outputs = s.g.NodeMulti(
                "GroupQueryAttention",
                [q, k, v, Name("past_key_values.{0}.key", layer), Name("past_key_values.{0}.value", layer), seqlensK, totalLength, cosCache, sinCache],
                [s.g.Fresh("gqa"), Name("present.{0}.key", layer), Name("present.{0}.value", layer)],
                "com.microsoft",
                attributes);
            return s.Linear(outputs[0], prefix + ".self_attn.o_proj", shape.Heads * shape.HeadDim, shape.HiddenSize, false);
        }
    }
}
