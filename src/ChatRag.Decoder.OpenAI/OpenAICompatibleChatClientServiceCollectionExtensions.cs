using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatRag.Decoder.OpenAI;

/// <summary>Registers the remote, OpenAI-compatible decoder as the application's <see cref="IChatClient"/>.</summary>
public static class OpenAICompatibleChatClientServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="OpenAICompatibleChatClientOptions"/> from <c>ChatRag:Decoder</c> (validated at start-up) and
    /// registers an <see cref="IChatClient"/> talking to that endpoint.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration root holding the <c>ChatRag:Decoder</c> section.</param>
    /// <returns>The builder, to add <c>UseFunctionInvocation()</c>, <c>UseOpenTelemetry()</c> and the like.</returns>
    public static ChatClientBuilder AddOpenAICompatibleChatClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OpenAICompatibleChatClientOptions>()
            .Bind(configuration.GetSection(OpenAICompatibleChatClientOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAICompatibleChatClientOptions>, OpenAICompatibleChatClientOptionsValidator>());
        return services.AddChatClient(sp => OpenAICompatibleChatClientFactory.Create(sp.GetRequiredService<IOptions<OpenAICompatibleChatClientOptions>>().Value));
    }

    /// <summary>
    /// Validates every named <see cref="OpenAICompatibleChatClientOptions"/> instance (one of several decoders,
    /// <c>ChatRag:Decoders:&lt;name&gt;</c>) as the unnamed ones are; the caller binds them and reads them with
    /// <c>IOptionsMonitor.Get(name)</c>, then creates the client with <see cref="OpenAICompatibleChatClientFactory.Create"/>.
    /// </summary>
    public static IServiceCollection AddOpenAICompatibleChatClientOptionsValidation(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OpenAICompatibleChatClientOptions>, OpenAICompatibleChatClientOptionsValidator>());
        return services;
    }
}
