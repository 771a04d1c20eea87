using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace ChatRag.Decoder.OpenAI;

/// <summary>Builds the <see cref="IChatClient"/> for an OpenAI-compatible endpoint.</summary>
public static class OpenAICompatibleChatClientFactory
{
    // The OpenAI client refuses an empty key, and local servers ignore whatever is sent.
    private const string PlaceholderKey = "no-key";

    /// <summary>
    /// Creates a client that talks to <see cref="OpenAICompatibleChatClientOptions.Endpoint"/> through the official
    /// OpenAI .NET client, adapted by Microsoft.Extensions.AI.OpenAI; HTTP failures surface as
    /// <see cref="HttpRequestException"/> naming the endpoint, model and status.
    /// </summary>
    /// <param name="options">Validated options.</param>
    /// <returns>The chat client; compose it with <see cref="ChatClientBuilder"/> for function invocation and telemetry.</returns>
    public static IChatClient Create(OpenAICompatibleChatClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new ArgumentException("Endpoint is required.", nameof(options));
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };
        var key = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? PlaceholderKey : options.ApiKey);
        var inner = new ChatClient(options.Model, key, clientOptions).AsIChatClient();
        return new EndpointErrorChatClient(inner, endpoint, options.Model);
    }
}
