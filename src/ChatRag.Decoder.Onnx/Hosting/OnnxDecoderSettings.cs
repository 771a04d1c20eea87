using System.ComponentModel.DataAnnotations;
using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Runtime;

namespace ChatRag.Decoder.Onnx.Hosting;

/// <summary>
/// In-process decoder settings. Not an options class: the host binds its own decoder section (ChatRag's is
/// <c>ChatRag:Decoder</c>) and builds these, so one section has one class.
/// </summary>
public sealed class OnnxDecoderSettings
{
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

    /// <summary>
    /// What is wrong with these settings (their data annotations), each message starting with <paramref name="section"/>,
    /// the configuration section they came from. Empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true)
            ? []
            : results.Select(r => $"{section}: {r.ErrorMessage}").ToList();
    }

    /// <summary>Creates the client these settings describe; the model loads on the first request.</summary>
    public OnnxChatClient CreateClient() => OnnxChatClient.ForModelDirectory(
        ModelPath,
        new DecoderModelLoadOptions { Provider = Provider, MaxLength = MaxLength },
        new OnnxChatClientOptions { MaxConcurrency = MaxConcurrency, DefaultMaxOutputTokens = DefaultMaxOutputTokens, Thinking = Thinking });
}
