using ChatRag.Chat;
using ChatRag.Storage.Sqlite.Conversations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Hosting;

/// <summary>Wires grounded chat: conversation storage, the decoder chosen by configuration, and the orchestrator.</summary>
public static class ChatRagChatServiceCollectionExtensions
{
    /// <summary>Configuration key choosing the decoder: <c>Onnx</c>, <c>OpenAI</c> or <c>None</c>.</summary>
    /// <remarks>
    /// Not <c>ChatRag:Decoder:Provider</c>: that key already is the ONNX execution provider (Auto/Cpu/Cuda). The same
    /// <c>Kind</c> key chooses for each named decoder, <c>ChatRag:Decoders:&lt;name&gt;:Kind</c>. When unset: <c>Onnx</c> if <c>ChatRag:Decoder:ModelPath</c> names a model folder, <c>OpenAI</c> if
    /// <c>ChatRag:Decoder:Endpoint</c> is set, else <c>None</c> (extractive answers).
    /// </remarks>
    public const string DecoderKindKey = "ChatRag:Decoder:Kind";

    /// <summary>Adds chat after <see cref="ChatRagServiceCollectionExtensions.AddChatRag"/>.</summary>
    public static IServiceCollection AddChatRagChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSqliteConversations();
        services.AddDecoderCatalog(configuration);
        return services.AddGroundedChat(configuration);
    }
}
