using ChatRag.Chat;
using ChatRag.Decoder.Onnx.Hosting;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.OpenAI;
using ChatRag.Storage.Sqlite.Conversations;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Hosting;

/// <summary>Wires grounded chat: conversation storage, the decoder chosen by configuration, and the orchestrator.</summary>
public static class ChatRagChatServiceCollectionExtensions
{
    /// <summary>Configuration key choosing the decoder: <c>Onnx</c>, <c>OpenAI</c> or <c>None</c>.</summary>
    /// <remarks>
    /// Not <c>ChatRag:Decoder:Provider</c>: that key already is the ONNX execution provider (Auto/Cpu/Cuda).
    /// When unset: <c>Onnx</c> if <c>ChatRag:Decoder:ModelPath</c> names a model folder, <c>OpenAI</c> if
    /// <c>ChatRag:Decoder:Endpoint</c> is set, else <c>None</c> (extractive answers).
    /// </remarks>
    public const string DecoderKindKey = "ChatRag:Decoder:Kind";

    /// <summary>Adds chat after <see cref="ChatRagServiceCollectionExtensions.AddChatRag"/>.</summary>
    public static IServiceCollection AddChatRagChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSqliteConversations();
        switch (ChooseDecoder(configuration))
        {
            case DecoderKind.Onnx:
                services.AddOnnxChatClient(configuration).UseChatRagTelemetry();
                break;
            case DecoderKind.OpenAI:
                services.AddOpenAICompatibleChatClient(configuration).UseFunctionInvocation().UseChatRagTelemetry();
                break;
            default:
                break;
        }

        return services.AddGroundedChat(configuration);
    }

    private static DecoderKind ChooseDecoder(IConfiguration configuration)
    {
        if (configuration[DecoderKindKey] is { } text && !string.IsNullOrWhiteSpace(text))
        {
            // Numbers parse as enums too; only the names are accepted.
            return Enum.TryParse<DecoderKind>(text.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(text, out _)
                ? kind
                : throw new InvalidOperationException($"{DecoderKindKey} must be Onnx, OpenAI or None.");
        }

        var modelPath = configuration[$"{OnnxDecoderOptions.SectionName}:{nameof(OnnxDecoderOptions.ModelPath)}"];
        if (!string.IsNullOrWhiteSpace(modelPath) && DecoderModel.IsModelDirectory(modelPath))
        {
            return DecoderKind.Onnx;
        }

        return string.IsNullOrWhiteSpace(configuration[$"{OpenAICompatibleChatClientOptions.SectionName}:{nameof(OpenAICompatibleChatClientOptions.Endpoint)}"]) ? DecoderKind.None : DecoderKind.OpenAI;
    }
}
