using System.Text.Json.Nodes;
using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>
/// Writes a complete synthetic model folder: <c>model.onnx</c> (+ <c>model.onnx.data</c> for large shapes),
/// <c>tokenizer.json</c>, <c>tokenizer_config.json</c>, <c>config.json</c>, <c>generation_config.json</c>, and for the
/// genai convention <c>genai_config.json</c> as the onnxruntime-genai builder writes it.
/// </summary>
public static class DecoderModelSynthesizer
{
    /// <summary>Synthesises the model described by <paramref name="options"/> and returns its folder.</summary>
    public static string Synthesize(DecoderSynthesisOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DataType is not (OnnxDataType.Float or OnnxDataType.Float16))
        {
            throw new ArgumentException("Only fp32 and fp16 synthetic models are supported.", nameof(options));
        }

        var dir = Directory.CreateDirectory(options.OutputDirectory).FullName;
        var family = FamilyFiles.For(options.Tokenizer);
        var tokenizerSize = family.WriteTokenizer(dir);
        var shape = options.Shape.VocabSize == 0 ? options.Shape with { VocabSize = tokenizerSize } : options.Shape;
        var elementSize = options.Quantization is not null ? 1L : options.DataType == OnnxDataType.Float ? 4L : 2L;
        var external = options.ExternalData ?? ApproximateParameters(shape) * elementSize > 64L << 20;
        var modelPath = Path.Combine(dir, options.Format == DecoderFormat.OptimumMerged ? "decoder_model_merged.onnx" : "model.onnx");
        using (var weights = new WeightSink(options.DataType, options.Seed, external ? modelPath + ".data" : null))
        {
            var graph = new DecoderGraphSynthesizer(shape, options.DataType, weights, options.Quantization).Build(options.Format);
            var opsets = new Dictionary<string, long> { [""] = 17, ["com.microsoft"] = 1 };
            OnnxModelWriter.Write(modelPath, graph, opsets);
        }

        // The byte-level folder takes its model type from the architecture; the SentencePiece one stays Phi-3.5-like.
        var (modelType, architecture) = options.Tokenizer == SyntheticTokenizerKind.SentencePiece ? (family.ModelType, family.Architecture) : shape.Architecture switch
        {
            DecoderArchitecture.Qwen3 => ("qwen3", "Qwen3ForCausalLM"),
            DecoderArchitecture.Llama => ("llama", "LlamaForCausalLM"),
            _ => (family.ModelType, family.Architecture),
        };
        var eos = new JsonArray([.. family.EosFromEnd.Select(e => JsonValue.Create(tokenizerSize - e))]);
        var pad = tokenizerSize - family.PadFromEnd;
        WriteJson(dir, "config.json", new JsonObject
        {
            ["architectures"] = new JsonArray(architecture), ["model_type"] = modelType, ["vocab_size"] = shape.VocabSize,
            ["hidden_size"] = shape.HiddenSize, ["intermediate_size"] = shape.Intermediate, ["num_hidden_layers"] = shape.Layers,
            ["num_attention_heads"] = shape.Heads, ["num_key_value_heads"] = shape.KvHeads, ["head_dim"] = shape.HeadDim,
            ["attention_bias"] = shape.AttentionBias, ["max_position_embeddings"] = shape.MaxPositions,
            ["rope_theta"] = shape.RopeTheta, ["rms_norm_eps"] = shape.RmsEps, ["tie_word_embeddings"] = shape.TiedEmbeddings,
            ["torch_dtype"] = options.DataType == OnnxDataType.Float ? "float32" : "float16", ["eos_token_id"] = eos.DeepClone(),
            ["bos_token_id"] = family.BosId ?? pad, ["use_cache"] = true,
        });
        WriteJson(dir, "generation_config.json", new JsonObject { ["eos_token_id"] = eos.DeepClone(), ["pad_token_id"] = pad });
        WriteJson(dir, "tokenizer_config.json", family.TokenizerConfig(shape.MaxPositions));
        if (options.Format == DecoderFormat.Genai)
        {
            WriteJson(dir, "genai_config.json", GenaiConfig(shape, eos, pad, modelType));
        }

        return dir;
    }

    private static JsonObject GenaiConfig(DecoderShape shape, JsonArray eos, int pad, string modelType) => new()
    {
        ["model"] = new JsonObject
        {
            ["bos_token_id"] = pad,
            ["context_length"] = shape.MaxPositions,
            ["decoder"] = new JsonObject
            {
                ["session_options"] = new JsonObject { ["log_id"] = "onnxruntime-genai", ["provider_options"] = new JsonArray() },
                ["filename"] = "model.onnx",
                ["head_size"] = shape.HeadDim,
                ["hidden_size"] = shape.HiddenSize,
                ["inputs"] = new JsonObject
                {
                    ["input_ids"] = "input_ids", ["attention_mask"] = "attention_mask",
                    ["past_key_names"] = "past_key_values.%d.key", ["past_value_names"] = "past_key_values.%d.value",
                },
                ["outputs"] = new JsonObject
                {
                    ["logits"] = "logits", ["present_key_names"] = "present.%d.key", ["present_value_names"] = "present.%d.value",
                },
                ["num_attention_heads"] = shape.Heads,
                ["num_hidden_layers"] = shape.Layers,
                ["num_key_value_heads"] = shape.KvHeads,
            },
            ["eos_token_id"] = eos.DeepClone(),
            ["pad_token_id"] = pad,
            ["type"] = modelType,
            ["vocab_size"] = shape.VocabSize,
        },
        ["search"] = new JsonObject
        {
            ["diversity_penalty"] = 0.0, ["do_sample"] = false, ["early_stopping"] = true, ["length_penalty"] = 1.0,
            ["max_length"] = shape.MaxPositions, ["min_length"] = 0, ["no_repeat_ngram_size"] = 0, ["num_beams"] = 1,
            ["num_return_sequences"] = 1, ["past_present_share_buffer"] = true, ["repetition_penalty"] = 1.0,
            ["temperature"] = 1.0, ["top_k"] = 1, ["top_p"] = 1.0,
        },
    };

    private static long ApproximateParameters(DecoderShape s)
    {
        long attention = ((long)s.HiddenSize * (s.Heads + (2 * s.KvHeads)) * s.HeadDim) + ((long)s.Heads * s.HeadDim * s.HiddenSize);
        long mlp = 3L * s.HiddenSize * s.Intermediate;
        long embeddings = (long)s.VocabSize * s.HiddenSize * (s.TiedEmbeddings ? 1 : 2);
        return embeddings + (s.Layers * (attention + mlp));
    }

    private static void WriteJson(string dir, string name, JsonObject json) =>
        File.WriteAllText(Path.Combine(dir, name), json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
}
