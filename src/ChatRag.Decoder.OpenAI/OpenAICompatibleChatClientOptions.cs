using System.ComponentModel.DataAnnotations;

namespace ChatRag.Decoder.OpenAI;

/// <summary>
/// Where the remote decoder lives: an OpenAI-compatible <c>/v1</c> endpoint such as vLLM
/// (<c>http://host:8000/v1</c>), llama.cpp server (<c>http://host:8080/v1</c>) or Ollama (<c>http://host:11434/v1</c>).
/// Bound from the <see cref="SectionName"/> configuration section.
/// </summary>
public sealed class OpenAICompatibleChatClientOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "ChatRag:Decoder";

    /// <summary>The base address of the API, including <c>/v1</c>; <c>chat/completions</c> is appended to it.</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>The model name the server knows (vLLM's served model name, an Ollama tag).</summary>
    [Required]
    public string Model { get; set; } = string.Empty;

    /// <summary>
    /// Sent as <c>Authorization: Bearer</c>. Optional, since local servers usually need none; then a placeholder
    /// is sent, as the OpenAI client always sends a key. Never written to logs or <see cref="ToString"/>.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>How long one request may take, streaming included, before it fails.</summary>
    [Range(1, 3600)]
    public int TimeoutSeconds { get; set; } = 120;

    /// <summary>Retries of failed requests (429 and 5xx) with exponential back-off; 0 turns them off.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The endpoint and model, without the key.</summary>
    public override string ToString() =>
        $"{Endpoint} model={Model} timeout={TimeoutSeconds}s retries={MaxRetries} key={(string.IsNullOrEmpty(ApiKey) ? "none" : "set")}";
}
