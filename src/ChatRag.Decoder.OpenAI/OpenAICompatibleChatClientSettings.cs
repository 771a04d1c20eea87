using System.ComponentModel.DataAnnotations;

namespace ChatRag.Decoder.OpenAI;

/// <summary>
/// Where the remote decoder lives: an OpenAI-compatible <c>/v1</c> endpoint such as vLLM
/// (<c>http://host:8000/v1</c>), llama.cpp server (<c>http://host:8080/v1</c>) or Ollama (<c>http://host:11434/v1</c>).
/// Not an options class: the host binds its own decoder section and builds these, so one section has one class.
/// </summary>
public sealed class OpenAICompatibleChatClientSettings
{
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

    /// <summary>
    /// What is wrong with these settings, each message starting with <paramref name="section"/> (the configuration
    /// section they came from): the data annotations, plus an absolute http(s) endpoint, so a typo fails the host at
    /// start-up instead of the first chat request. Empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate(string section)
    {
        var failures = new List<string>();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{section}: {r.ErrorMessage}"));
        }

        if (Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add($"{section}:Endpoint must be an absolute http or https address such as http://localhost:8000/v1.");
        }

        if (Model is { Length: > 0 } && string.IsNullOrWhiteSpace(Model))
        {
            failures.Add($"{section}:Model must not be blank.");
        }

        return failures;
    }

    /// <summary>The endpoint and model, without the key.</summary>
    public override string ToString() =>
        $"{WithoutCredentials(Endpoint)} model={Model} timeout={TimeoutSeconds}s retries={MaxRetries} key={(string.IsNullOrEmpty(ApiKey) ? "none" : "set")}";

    /// <summary>
    /// The address as logs and error messages may show it: credentials written into it (http://user:secret@host/v1)
    /// stay out, like the key.
    /// </summary>
    internal static string? WithoutCredentials(Uri? endpoint) =>
        endpoint is { IsAbsoluteUri: true, UserInfo.Length: > 0 } ? new UriBuilder(endpoint) { UserName = string.Empty, Password = string.Empty }.Uri.ToString() : endpoint?.ToString();
}
