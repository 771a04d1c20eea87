using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ChatRag.Onnx.Synthesis.Decoder;
using ChatRag.Onnx.Synthesis.Encoder;
using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Cli.Commands;

/// <summary><c>models synth</c>: writes a random-weight decoder (genai or optimum convention) for tests and benchmarks; <c>models tokenize</c> and <c>models template</c>.</summary>
internal static class ModelsCommand
{
    public static Command Create()
    {
        var shape = new Option<string>("--shape") { Description = "tiny (Qwen2), tiny-qwen3 (q/k RMSNorm, no biases), tiny-llama, qwen2.5-0.5b, qwen2.5-1.5b, qwen3-0.6b or qwen3-1.7b.", DefaultValueFactory = _ => "tiny" };
        shape.AcceptOnlyFromAmong([.. DecoderShape.Names]);
        var format = new Option<string>("--format") { Description = "genai (GroupQueryAttention, shared KV buffer), optimum (standard ops, concatenated KV) or optimum-merged (decoder_model_merged.onnx with use_cache_branch).", DefaultValueFactory = _ => "genai" };
        format.AcceptOnlyFromAmong("genai", "optimum", "optimum-merged");
        var dtype = new Option<string>("--dtype") { Description = "fp32, fp16, int4 (MatMulNBits weights, block 32, fp32 activations) or int4-fp16 (fp16 activations).", DefaultValueFactory = _ => "fp32" };
        dtype.AcceptOnlyFromAmong("fp32", "fp16", "int4", "int4-fp16");
        var tokenizer = new Option<string>("--tokenizer") { Description = "byte-level (Qwen2.5-like folder) or sentencepiece (Phi-3.5-like folder: byte-fallback BPE, phi3 config).", DefaultValueFactory = _ => "byte-level" };
        tokenizer.AcceptOnlyFromAmong("byte-level", "sentencepiece");
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Weight seed.", DefaultValueFactory = _ => 42 };
        var synth = new Command("synth", "Write a synthetic decoder model folder (model.onnx, tokenizer.json, configs).") { shape, format, dtype, tokenizer, output, seed };
        synth.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var type = parse.GetValue(dtype)!;
            var options = new DecoderSynthesisOptions(
                DecoderShape.FromName(parse.GetValue(shape)!),
                parse.GetValue(format) switch { "optimum" => DecoderFormat.Optimum, "optimum-merged" => DecoderFormat.OptimumMerged, _ => DecoderFormat.Genai },
                type.EndsWith("fp16", StringComparison.Ordinal) ? OnnxDataType.Float16 : OnnxDataType.Float,
                parse.GetValue(output)!.FullName,
                parse.GetValue(seed),
                Quantization: type.StartsWith("int4", StringComparison.Ordinal) ? new WeightQuantization() : null,
                Tokenizer: parse.GetValue(tokenizer) == "sentencepiece" ? SyntheticTokenizerKind.SentencePiece : SyntheticTokenizerKind.ByteLevel);
            var dir = DecoderModelSynthesizer.Synthesize(options);
            foreach (var file in new DirectoryInfo(dir).GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file.Length,14:N0}  {file.Name}"));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {dir} in {clock.Elapsed.TotalSeconds:F1} s."));
            return 0;
        });
        return new Command("models", "Model folders: list and pull catalogue models, synthesise random-weight decoders, encoders and rerankers, print token ids and rendered chat templates.")
        {
            synth,
            SynthEncoder(),
            ModelsInspectCommands.Tokenize(),
            ModelsInspectCommands.Template(),
            ModelsCatalogCommands.List(),
            ModelsCatalogCommands.Pull(),
        };
    }

    /// <summary><c>models synth-encoder</c>: an XLM-R-shaped encoder or cross-encoder folder with random weights.</summary>
    private static Command SynthEncoder()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write.", Required = true };
        var kind = new Option<string>("--kind") { Description = "encoder (Unigram tokenizer.json, mean pooling, e5 prefixes), reranker (XLM-R cross-encoder) or bert-reranker (vocab.txt, token types).", DefaultValueFactory = _ => "encoder" };
        kind.AcceptOnlyFromAmong("encoder", "reranker", "bert-reranker");
        var dimensions = new Option<int>("--dims") { Description = "Embedding length (encoders).", DefaultValueFactory = _ => 32 };
        var relevant = new Option<string[]>("--relevant") { Description = "Words a synthetic reranker scores high.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("synth-encoder", "Write a synthetic multilingual encoder or cross-encoder folder for tests and benchmarks.") { output, kind, dimensions, relevant };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!.FullName;
            var written = parse.GetValue(kind) switch
            {
                "reranker" => SyntheticEncoderFolder.WriteCrossEncoder(dir, parse.GetValue(relevant)),
                "bert-reranker" => SyntheticEncoderFolder.WriteCrossEncoder(dir, parse.GetValue(relevant), bert: true),
                _ => SyntheticEncoderFolder.WriteEncoder(dir, parse.GetValue(dimensions)),
            };
            Console.WriteLine($"Wrote {written}.");
            return 0;
        });
        return command;
    }
}
