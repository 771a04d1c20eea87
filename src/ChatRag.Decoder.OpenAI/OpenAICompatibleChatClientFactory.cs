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
    /// Creates a client that talks to <see cref="OpenAICompatibleChatClientSettings.Endpoint"/> through the official
    /// OpenAI .NET client, adapted by Microsoft.Extensions.AI.OpenAI; HTTP failures surface as
    /// <see cref="HttpRequestException"/> naming the endpoint, model and status.
    /// </summary>
    /// <param name="settings">Validated settings.</param>
    /// <returns>The chat client; compose it with <see cref="ChatClientBuilder"/> for function invocation and telemetry.</returns>
    public static IChatClient Create(OpenAICompatibleChatClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var endpoint = settings.Endpoint ?? throw new ArgumentException("Endpoint is required.", nameof(settings));
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = TimeSpan.FromSeconds(settings.TimeoutSeconds),
            RetryPolicy = new ClientRetryPolicy(settings.MaxRetries),
        };
        var key = new ApiKeyCredential(string.IsNullOrEmpty(settings.ApiKey) ? PlaceholderKey : settings.ApiKey);
        var inner = new ChatClient(settings.Model, key, clientOptions).AsIChatClient();
        return new EndpointErrorChatClient(inner, OpenAICompatibleChatClientSettings.WithoutCredentials(endpoint)!, settings.Model);
    }
}
