using System.ComponentModel.DataAnnotations;
using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Runtime;

namespace ChatRag.Decoder.Onnx.Hosting;

/// <summary>In-process decoder settings, section <c>ChatRag:Decoder</c>.</summary>
public sealed class OnnxDecoderOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Decoder";

    /// <summary>Model folder (genai or optimum export with tokenizer.json).</summary>
    [Required]
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>Execution provider: Auto (CUDA if it loads, else CPU), Cpu or Cuda.</summary>
    public ExecutionProvider Provider { get; set; } = ExecutionProvider.Auto;

    /// <summary>Cap on prompt + generated tokens; sizes the KV buffers.</summary>
    [Range(16, 131072)]
    public int MaxLength { get; set; } = 4096;

    /// <summary>Generations running at once on the shared model.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Token budget when a request sets none.</summary>
    [Range(1, 131072)]
    public int DefaultMaxOutputTokens { get; set; } = 1024;

    /// <summary>Thinking of reasoning models (Auto, On, Off) when a request does not choose; see <see cref="ThinkingMode"/>.</summary>
    [EnumDataType(typeof(ThinkingMode))]
    public ThinkingMode Thinking { get; set; } = ThinkingMode.Auto;
}
