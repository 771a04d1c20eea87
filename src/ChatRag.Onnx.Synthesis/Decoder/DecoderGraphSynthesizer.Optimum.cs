using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>Optimum-style attention from standard ops only: rotate-half RoPE, KV concatenation, grouped heads by broadcasting.</summary>
internal sealed partial class DecoderGraphSynthesizer
{
    private sealed class ConcatAttention : IAttention
    {
        private readonly DecoderGraphSynthesizer s;
        private readonly string mask;
        private readonly string cos;
        private readonly string sin;
        private readonly string? useCacheBranch;

        public ConcatAttention(DecoderGraphSynthesizer s, string attentionMask, string positionIds, string? useCacheBranch)
        {
            this.useCacheBranch = useCacheBranch;
            this.s = s;
            var g = s.g;
            var shape = s.shape;

            // Additive mask [B,1,1,S,T]: key j is visible to query position p when j <= p and attention_mask[j] == 1.
            var total = g.Node("Gather", [g.Node("Shape", [attentionMask]), g.Int64Scalar(1)]);
            var keyPositions = g.Node("Range", [g.Int64Scalar(0), total, g.Int64Scalar(1)]);
            var causal = g.Node("LessOrEqual", [keyPositions, s.Unsqueeze(positionIds, 2)]);
            var padding = s.Cast(s.Unsqueeze(attentionMask, 1), OnnxDataType.Bool);
            var allowed = g.Node("And", [causal, padding]);
            var additive = g.Node("Where", [allowed, g.Scalar(s.type, 0f), g.Scalar(s.type, -10000f)]);
            mask = s.Unsqueeze(additive, 1, 2);

            // Full-width tables (cos(angle) repeated twice), matching the rotate_half convention.
            var half = shape.HeadDim / 2;
            var cosHalf = s.RotaryAngles(Math.Cos);
            var sinHalf = s.RotaryAngles(Math.Sin);
            var cosTable = g.Initializer(s.weights.FromValues("rotary.cos", [shape.MaxPositions, shape.HeadDim], Widen(cosHalf, half)));
            var sinTable = g.Initializer(s.weights.FromValues("rotary.sin", [shape.MaxPositions, shape.HeadDim], Widen(sinHalf, half)));
            cos = s.Unsqueeze(g.Node("Gather", [cosTable, positionIds]), 1);
            sin = s.Unsqueeze(g.Node("Gather", [sinTable, positionIds]), 1);
        }

        public string Apply(int layer, string prefix, string normed)
        {
            var s = this.s;
            var g = s.g;
            var shape = s.shape;
            var groups = shape.Heads / shape.KvHeads;
            var q = s.Linear(normed, prefix + ".self_attn.q_proj", shape.HiddenSize, shape.Heads * shape.HeadDim, shape.AttentionBias);
            var k = s.Linear(normed, prefix + ".self_attn.k_proj", shape.HiddenSize, shape.KvHeads * shape.HeadDim, shape.AttentionBias);
            var v = s.Linear(normed, prefix + ".self_attn.v_proj", shape.HiddenSize, shape.KvHeads * shape.HeadDim, shape.AttentionBias);
            var qHeads = shape.QkNorm ? s.HeadNorm(q, prefix + ".self_attn.q_norm.weight", shape.Heads, keepHeads: true) : s.Reshape(q, 0, 0, shape.Heads, shape.HeadDim);
            var kHeads = shape.QkNorm ? s.HeadNorm(k, prefix + ".self_attn.k_norm.weight", shape.KvHeads, keepHeads: true) : s.Reshape(k, 0, 0, shape.KvHeads, shape.HeadDim);
            var q4 = Rope(s.Transpose(qHeads, 0, 2, 1, 3));
            var k4 = Rope(s.Transpose(kHeads, 0, 2, 1, 3));
            var v4 = s.Transpose(s.Reshape(v, 0, 0, shape.KvHeads, shape.HeadDim), 0, 2, 1, 3);
            var presentK = Present(Name("past_key_values.{0}.key", layer), k4, Name("present.{0}.key", layer));
            var presentV = Present(Name("past_key_values.{0}.value", layer), v4, Name("present.{0}.value", layer));

            // Query heads h = kv * groups + g share kv head kv: view queries as [B, KV, G, S, D] and broadcast K/V over G.
            var q5 = s.Reshape(q4, 0, shape.KvHeads, groups, -1, shape.HeadDim);
            var kT = s.Transpose(s.Unsqueeze(presentK, 2), 0, 1, 2, 4, 3);
            var scale = g.Scalar(s.type, 1f / MathF.Sqrt(shape.HeadDim));
            var scores = g.Node("Add", [g.Node("Mul", [g.Node("MatMul", [q5, kT]), scale]), mask]);
            var probs = g.Node("Softmax", [scores], attributes: new Dictionary<string, object> { ["axis"] = -1L });
            var context = g.Node("MatMul", [probs, s.Unsqueeze(presentV, 2)]);
            var merged = s.Reshape(s.Transpose(s.Reshape(context, 0, shape.Heads, -1, shape.HeadDim), 0, 2, 1, 3), 0, 0, shape.Heads * shape.HeadDim);
            return s.Linear(merged, prefix + ".self_attn.o_proj", shape.Heads * shape.HeadDim, shape.HiddenSize, false);
        }

        // Concat(past, new) on the sequence axis; a merged decoder does it only when use_cache_branch is true and
        // otherwise returns the new keys alone, as optimum's If nodes choose between its two decoders.
        private string Present(string past, string current, string present)
        {
            var g = s.g;
            var axis2 = new Dictionary<string, object> { ["axis"] = 2L };
            if (useCacheBranch is null)
            {
                return g.Node("Concat", [past, current], present, attributes: axis2);
            }

            object[] dims = ["batch_size", s.shape.KvHeads, "total_sequence_length", s.shape.HeadDim];
            var withPast = new OnnxGraphBuilder(present + ".with_past");
            withPast.Node("Concat", [past, current], present + ".concat", attributes: axis2);
            withPast.Output(present + ".concat", s.type, dims);
            var withoutPast = new OnnxGraphBuilder(present + ".without_past");
            withoutPast.Node("Identity", [current], present + ".identity");
            withoutPast.Output(present + ".identity", s.type, dims);
            return g.Node("If", [useCacheBranch], present, attributes: new Dictionary<string, object> { ["then_branch"] = withPast, ["else_branch"] = withoutPast });
        }

        private static float[] Widen(float[] halfTable, int half)
        {
            var rows = halfTable.Length / half;
            var wide = new float[rows * half * 2];
            for (var r = 0; r < rows; r++)
            {
                Array.Copy(halfTable, r * half, wide, r * half * 2, half);
                Array.Copy(halfTable, r * half, wide, (r * half * 2) + half, half);
            }

            return wide;
        }

        private string Rope(string x)
        {
            var g = s.g;
            var half = s.shape.HeadDim / 2;
            var parts = g.NodeMulti("Split", [x, g.Int64s(half, half)], [g.Fresh("rope_lo"), g.Fresh("rope_hi")], attributes: new Dictionary<string, object> { ["axis"] = -1L });
            var rotated = g.Node("Concat", [g.Node("Neg", [parts[1]]), parts[0]], attributes: new Dictionary<string, object> { ["axis"] = -1L });
            return g.Node("Add", [g.Node("Mul", [x, cos]), g.Node("Mul", [rotated, sin])]);
        }
    }
}
