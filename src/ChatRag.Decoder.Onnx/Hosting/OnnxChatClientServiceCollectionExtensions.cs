using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRag.Decoder.Onnx.Hosting;

/// <summary>Registers the in-process ONNX decoder as the application's <see cref="IChatClient"/>.</summary>
public static class OnnxChatClientServiceCollectionExtensions
{
    /// <summary>
    /// Refuses invalid <paramref name="settings"/> at once (a host binds and validates its configuration first) and
    /// registers a singleton <see cref="OnnxChatClient"/> (the model loads on the first request) behind a
    /// <see cref="ChatClientBuilder"/> with function invocation, so callers can add more middleware.
    /// </summary>
    /// <exception cref="ArgumentException">The settings are invalid; the message lists why.</exception>
    public static ChatClientBuilder AddOnnxChatClient(this IServiceCollection services, OnnxDecoderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var failures = settings.Validate(nameof(settings));
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(settings));
        }

        services.AddSingleton(_ => settings.CreateClient());
        return services.AddChatClient(sp => sp.GetRequiredService<OnnxChatClient>()).UseGuardedFunctionInvocation();
    }
}
