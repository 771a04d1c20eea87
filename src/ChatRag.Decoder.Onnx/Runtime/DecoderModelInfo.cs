using Microsoft.ML.OnnxRuntime.Tensors;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>
/// What the generation loop needs to know about a decoder export, read from <c>genai_config.json</c> /
/// <c>config.json</c> and the session's input/output metadata (names and element types are never assumed).
/// </summary>
public sealed record DecoderModelInfo
{
    /// <summary>The model folder.</summary>
    public required string Directory { get; init; }

    /// <summary>Path of the ONNX file.</summary>
    public required string ModelPath { get; init; }

    /// <summary>KV cache convention.</summary>
    public required KvConvention Convention { get; init; }

    /// <summary>Token ids input.</summary>
    public required string InputIdsName { get; init; }

    /// <summary>Attention mask input, if the graph has one.</summary>
    public string? AttentionMaskName { get; init; }

    /// <summary>Position ids input, if the graph has one.</summary>
    public string? PositionIdsName { get; init; }

    /// <summary>Optimum merged decoders' branch switch, if present.</summary>
    public string? UseCacheBranchName { get; init; }

    /// <summary>Logits output.</summary>
    public required string LogitsName { get; init; }

    /// <summary>Past key input per layer.</summary>
    public required IReadOnlyList<string> PastKeyNames { get; init; }

    /// <summary>Past value input per layer.</summary>
    public required IReadOnlyList<string> PastValueNames { get; init; }

    /// <summary>Present key output per layer.</summary>
    public required IReadOnlyList<string> PresentKeyNames { get; init; }

    /// <summary>Present value output per layer.</summary>
    public required IReadOnlyList<string> PresentValueNames { get; init; }

    /// <summary>Element type of the KV cache.</summary>
    public required TensorElementType KvElementType { get; init; }

    /// <summary>Element type of the logits.</summary>
    public required TensorElementType LogitsElementType { get; init; }

    /// <summary>Element type of input_ids (int64 or int32).</summary>
    public required TensorElementType InputIdsElementType { get; init; }

    /// <summary>Number of decoder layers.</summary>
    public int Layers => PastKeyNames.Count;

    /// <summary>Key/value heads.</summary>
    public required int KvHeads { get; init; }

    /// <summary>Per-head width.</summary>
    public required int HeadDim { get; init; }

    /// <summary>Context length the model supports.</summary>
    public required int ContextLength { get; init; }

    /// <summary>End-of-sequence token ids.</summary>
    public required IReadOnlyList<int> EosTokenIds { get; init; }
}
