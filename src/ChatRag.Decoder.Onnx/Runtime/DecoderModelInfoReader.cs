using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>Reads <see cref="DecoderModelInfo"/> from a model folder and its loaded session.</summary>
internal static partial class DecoderModelInfoReader
{
    /// <summary>Finds the ONNX file: genai_config's decoder filename, else model.onnx, else the only *.onnx.</summary>
    public static string FindModelFile(string directory)
    {
        using var genai = ReadJson(Path.Combine(directory, "genai_config.json"));
        if (genai is not null && genai.RootElement.TryGetProperty("model", out var model)
            && model.TryGetProperty("decoder", out var decoder) && decoder.TryGetProperty("filename", out var filename))
        {
            return Path.Combine(directory, filename.GetString()!);
        }

        var candidates = new[] { "model.onnx", "decoder_model_merged.onnx", "decoder_with_past_model.onnx" }
            .Select(n => Path.Combine(directory, n)).Where(File.Exists).ToList();
        if (candidates.Count > 0)
        {
            return candidates[0];
        }

        var any = System.IO.Directory.GetFiles(directory, "*.onnx");
        return any.Length == 1 ? any[0] : throw new FileNotFoundException($"No decoder .onnx file found in '{directory}'.");
    }

    public static DecoderModelInfo Read(string directory, string modelPath, InferenceSession session)
    {
        var inputs = session.InputMetadata;
        var outputs = session.OutputMetadata;
        var pastKeys = Ordered(inputs.Keys, PastKeyPattern());
        var pastValues = Ordered(inputs.Keys, PastValuePattern());
        var presentKeys = Ordered(outputs.Keys, PresentKeyPattern());
        var presentValues = Ordered(outputs.Keys, PresentValuePattern());
        if (pastKeys.Count == 0 || pastKeys.Count != pastValues.Count || pastKeys.Count != presentKeys.Count || pastKeys.Count != presentValues.Count)
        {
            throw new NotSupportedException($"'{modelPath}' has no consistent past_key_values.N.key/value inputs and present outputs; exports without a KV cache are not supported.");
        }

        using var genai = ReadJson(Path.Combine(directory, "genai_config.json"));
        using var config = ReadJson(Path.Combine(directory, "config.json"));
        using var generation = ReadJson(Path.Combine(directory, "generation_config.json"));
        var genaiModel = genai?.RootElement.GetProperty("model");
        var share = genai is not null && (!genai.RootElement.TryGetProperty("search", out var search)
            || !search.TryGetProperty("past_present_share_buffer", out var flag) || flag.GetBoolean());

        var pastMeta = inputs[pastKeys[0]];
        var dims = pastMeta.Dimensions;
        var kvHeads = dims.Length == 4 && dims[1] > 0 ? dims[1] : Int(config, "num_key_value_heads") ?? throw new NotSupportedException("Cannot tell the number of KV heads.");
        var headDim = dims.Length == 4 && dims[3] > 0 ? dims[3] : Int(config, "head_dim") ?? throw new NotSupportedException("Cannot tell the head size.");
        var logitsName = outputs.ContainsKey("logits") ? "logits" : outputs.Keys.First(k => !presentKeys.Contains(k) && !presentValues.Contains(k));
        var context = (genaiModel is { } gm && gm.TryGetProperty("context_length", out var cl) ? cl.GetInt32() : null as int?)
            ?? Int(config, "max_position_embeddings") ?? 4096;

        return new DecoderModelInfo
        {
            Directory = directory,
            ModelPath = modelPath,
            Convention = share ? KvConvention.SharedBuffer : KvConvention.Concat,
            InputIdsName = "input_ids",
            AttentionMaskName = inputs.ContainsKey("attention_mask") ? "attention_mask" : null,
            PositionIdsName = inputs.ContainsKey("position_ids") ? "position_ids" : null,
            UseCacheBranchName = inputs.ContainsKey("use_cache_branch") ? "use_cache_branch" : null,
            LogitsName = logitsName,
            PastKeyNames = pastKeys,
            PastValueNames = pastValues,
            PresentKeyNames = presentKeys,
            PresentValueNames = presentValues,
            KvElementType = pastMeta.ElementDataType,
            LogitsElementType = outputs[logitsName].ElementDataType,
            InputIdsElementType = inputs["input_ids"].ElementDataType,
            KvHeads = kvHeads,
            HeadDim = headDim,
            ContextLength = context,
            EosTokenIds = EosIds(genaiModel) ?? EosIds(generation?.RootElement) ?? EosIds(config?.RootElement) ?? [],
        };
    }

    private static List<string> Ordered(IEnumerable<string> names, Regex pattern) =>
        [.. names.Select(n => (n, m: pattern.Match(n))).Where(x => x.m.Success)
            .OrderBy(x => int.Parse(x.m.Groups[1].Value, CultureInfo.InvariantCulture)).Select(x => x.n)];

    private static int[]? EosIds(JsonElement? element)
    {
        if (element is not { } e || e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("eos_token_id", out var eos))
        {
            return null;
        }

        return eos.ValueKind switch
        {
            JsonValueKind.Number => [eos.GetInt32()],
            JsonValueKind.Array => [.. eos.EnumerateArray().Select(x => x.GetInt32())],
            _ => null,
        };
    }

    private static int? Int(JsonDocument? doc, string name) =>
        doc is not null && doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;

    private static JsonDocument? ReadJson(string path) => File.Exists(path) ? JsonDocument.Parse(File.ReadAllText(path)) : null;

    [GeneratedRegex(@"^past_key_values\.(\d+)\.key$")]
    private static partial Regex PastKeyPattern();

    [GeneratedRegex(@"^past_key_values\.(\d+)\.value$")]
    private static partial Regex PastValuePattern();

    [GeneratedRegex(@"^present\.(\d+)\.key$")]
    private static partial Regex PresentKeyPattern();

    [GeneratedRegex(@"^present\.(\d+)\.value$")]
    private static partial Regex PresentValuePattern();
}
