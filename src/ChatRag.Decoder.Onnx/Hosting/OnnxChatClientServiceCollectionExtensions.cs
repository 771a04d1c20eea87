using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Runtime;
using ChatRag.Decoder.Onnx.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRag.Decoder.Onnx.Hosting;

/// <summary>Registers the in-process ONNX decoder as the application's <see cref="IChatClient"/>.</summary>
public static class OnnxChatClientServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <see cref="OnnxDecoderOptions"/> from <c>ChatRag:Decoder</c> at start-up and registers a
    /// singleton <see cref="OnnxChatClient"/> (the model loads on the first request) behind a
    /// <see cref="ChatClientBuilder"/> with function invocation, so callers can add more middleware.
    /// </summary>
    public static ChatClientBuilder AddOnnxChatClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<OnnxDecoderOptions>()
            .Bind(configuration.GetSection(OnnxDecoderOptions.SectionName))
            .ValidateDataAnnotations();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<OnnxDecoderOptions>>().Value;
            return OnnxChatClient.ForModelDirectory(
                o.ModelPath,
                new DecoderModelLoadOptions { Provider = o.Provider, MaxLength = o.MaxLength },
                new OnnxChatClientOptions { MaxConcurrency = o.MaxConcurrency, DefaultMaxOutputTokens = o.DefaultMaxOutputTokens, Thinking = o.Thinking });
        });
        return services.AddChatClient(sp => sp.GetRequiredService<OnnxChatClient>()).UseGuardedFunctionInvocation();
    }
}
