using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Decoder.OpenAI;

/// <summary>Registers the remote, OpenAI-compatible decoder as the application's <see cref="IChatClient"/>.</summary>
public static class OpenAICompatibleChatClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="IChatClient"/> talking to the endpoint of <paramref name="settings"/>, refusing invalid
    /// settings at once (a host binds and validates its configuration first; ChatRag's is <c>ChatRag:Decoder</c>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="settings">The endpoint, model and limits.</param>
    /// <returns>The builder, to add <c>UseFunctionInvocation()</c>, <c>UseOpenTelemetry()</c> and the like.</returns>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists why.</exception>
    public static ChatClientBuilder AddOpenAICompatibleChatClient(this IServiceCollection services, OpenAICompatibleChatClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        var failures = settings.Validate(nameof(settings));
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(settings));
        }

        return services.AddChatClient(_ => OpenAICompatibleChatClientFactory.Create(settings));
    }
}
