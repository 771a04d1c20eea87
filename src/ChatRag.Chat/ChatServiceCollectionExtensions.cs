using ChatRag.Chat.Decoders;
using ChatRag.Chat.Orchestration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRag.Chat;

/// <summary>Registers grounded chat.</summary>
public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GroundedChatOptions"/> (section <c>ChatRag:Chat</c>, validated at start-up), the Semantic Kernel
    /// (tools are added to a per-turn clone of it) and the scoped <see cref="ChatOrchestrator"/>. The answer is generative
    /// with a decoder of the <see cref="DecoderCatalog"/>; when none was registered, the catalogue holds the
    /// <see cref="IChatClient"/> registered in the container as <c>default</c> (give it function invocation), or no
    /// decoder, and every answer is extractive.
    /// Needs <see cref="Core.Retrieval.HybridSearcher"/> and an <see cref="Core.Conversations.IConversationStore"/>.
    /// </summary>
    public static IServiceCollection AddGroundedChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<GroundedChatOptions>()
            .Bind(configuration.GetSection(GroundedChatOptions.SectionName))
            .ValidateDataAnnotations();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKernel();
        services.TryAddSingleton(sp => new DecoderCatalog(
            sp.GetService<IChatClient>() is { } client ? [new DecoderDefinition("default", "custom", () => client, Owned: false)] : []));
        services.TryAddSingleton<RuntimeChatSettings>();
        services.AddScoped<ChatOrchestrator>();
        return services;
    }
}
