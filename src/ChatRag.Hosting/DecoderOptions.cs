using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Hosting;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.OpenAI;

namespace ChatRag.Hosting;

/// <summary>
/// One decoder, of either kind: the one class bound to <c>ChatRag:Decoder</c> (the decoder named <c>default</c>) and,
/// as named instances, to each <c>ChatRag:Decoders:&lt;name&gt;</c>. Only the keys of its <see cref="Kind"/> are
/// validated (<see cref="DecoderOptionsValidator"/>); the adapter gets them as its own settings
/// (<see cref="Onnx"/>, <see cref="OpenAI"/>), whose classes also hold the defaults and the rules.
/// </summary>
public sealed class DecoderOptions
{
    /// <summary>Configuration section of the unnamed decoder.</summary>
    public const string SectionName = "ChatRag:Decoder";

    private static readonly OnnxDecoderSettings OnnxDefaults = new();
    private static readonly OpenAICompatibleChatClientSettings OpenAIDefaults = new();

    /// <summary>
    /// Which decoder the section describes: its <c>Kind</c> key, else chosen from the other keys (see
    /// <see cref="DecoderKind"/>). Read by <see cref="DecoderKinds.Of"/>, which accepts names only, so not bound.
    /// </summary>
    public DecoderKind Kind { get; internal set; }

    /// <summary>ONNX: model folder (genai or optimum export with tokenizer.json).</summary>
    public string ModelPath { get; set; } = OnnxDefaults.ModelPath;

    /// <summary>ONNX: execution provider, Auto (CUDA if it loads, else CPU), Cpu or Cuda.</summary>
    public ExecutionProvider Provider { get; set; } = OnnxDefaults.Provider;

    /// <summary>ONNX: cap on prompt + generated tokens; sizes the KV buffers.</summary>
    public int MaxLength { get; set; } = OnnxDefaults.MaxLength;

    /// <summary>ONNX: generations running at once on the shared model.</summary>
    public int MaxConcurrency { get; set; } = OnnxDefaults.MaxConcurrency;

    /// <summary>ONNX: token budget when a request sets none.</summary>
    public int DefaultMaxOutputTokens { get; set; } = OnnxDefaults.DefaultMaxOutputTokens;

    /// <summary>ONNX: thinking of reasoning models (Auto, On, Off) when a request does not choose.</summary>
    public ThinkingMode Thinking { get; set; } = OnnxDefaults.Thinking;

    /// <summary>OpenAI: base address of the API, including <c>/v1</c>.</summary>
    public Uri? Endpoint { get; set; } = OpenAIDefaults.Endpoint;

    /// <summary>OpenAI: the model name the server knows.</summary>
    public string Model { get; set; } = OpenAIDefaults.Model;

    /// <summary>OpenAI: sent as <c>Authorization: Bearer</c>; optional. Never in <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; } = OpenAIDefaults.ApiKey;

    /// <summary>OpenAI: how long one request may take, streaming included.</summary>
    public int TimeoutSeconds { get; set; } = OpenAIDefaults.TimeoutSeconds;

    /// <summary>OpenAI: retries of failed requests (429 and 5xx); 0 turns them off.</summary>
    public int MaxRetries { get; set; } = OpenAIDefaults.MaxRetries;

    /// <summary>The in-process decoder's settings.</summary>
    public OnnxDecoderSettings Onnx() => new()
    {
        ModelPath = ModelPath,
        Provider = Provider,
        MaxLength = MaxLength,
        MaxConcurrency = MaxConcurrency,
        DefaultMaxOutputTokens = DefaultMaxOutputTokens,
        Thinking = Thinking,
    };

    /// <summary>The remote decoder's settings.</summary>
    public OpenAICompatibleChatClientSettings OpenAI() => new()
    {
        Endpoint = Endpoint,
        Model = Model,
        ApiKey = ApiKey,
        TimeoutSeconds = TimeoutSeconds,
        MaxRetries = MaxRetries,
    };

    /// <summary>The kind and its settings, without the key.</summary>
    public override string ToString() => Kind switch
    {
        DecoderKind.Onnx => $"Onnx {ModelPath}",
        DecoderKind.OpenAI => $"OpenAI {OpenAI()}",
        _ => "None",
    };
}
