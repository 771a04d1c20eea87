using ChatRag.Chat.Decoders;
using ChatRag.Core.Embeddings;
using ChatRag.Embeddings.Onnx.Hosting;
using ChatRag.Hosting;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Configuration;

/// <summary>
/// Logs one line once the server listens: URLs, data directory, models, auth mode and decoder, so a newcomer sees what
/// runs where without reading SQL at Information. No secrets: paths and names only. In anonymous mode it also warns
/// that the API is open; in key mode with no key yet it says how to create one.
/// </summary>
internal sealed partial class StartupSummary(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<ChatRagOptions> chatRag,
    IOptions<OnnxEncoderOptions> encoderOptions,
    IEncoderCatalog encoders,
    DecoderCatalog decoders,
    AuthModeResolver auth,
    ILogger<StartupSummary> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = LogAsync());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LogAsync()
    {
        try
        {
            var urls = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            var mode = await auth.CurrentAsync(lifetime.ApplicationStopping);
            var reason = await auth.ReasonAsync(lifetime.ApplicationStopping);
            var dataDirectory = Path.GetFullPath(chatRag.Value.DataDirectory);
            var model = decoders.DefaultName is { } name
                ? $"{name} (of {string.Join(",", decoders.Names)})"
                : "none (extractive answers)";
            Started(logger, urls, dataDirectory, Path.GetFullPath(encoderOptions.Value.ModelsDirectory), string.Join(",", encoders.Encoders.Select(e => e.Space)), mode, reason, model);
            if (mode == AuthMode.Anonymous)
            {
                Open(logger, urls);
            }
            else if (!await auth.AnyKeyCreatedAsync(lifetime.ApplicationStopping))
            {
                Closed(logger, dataDirectory);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or IOException or System.Data.Common.DbException)
        {
            Failed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ChatRag listening on {Urls}; data {DataDirectory}; models {ModelsDirectory} (encoders {Encoders}); auth {Mode} ({Reason}); decoder {Decoder}")]
    private static partial void Started(ILogger logger, string urls, string dataDirectory, string modelsDirectory, string encoders, AuthMode mode, string reason, string decoder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The API is OPEN: ChatRag:Auth:Mode is Anonymous, so anyone who can reach {Urls} can read, upload and delete documents. Create a key (chatrag keys create NAME) or set ChatRag:Auth:Mode=ApiKeys to close it.")]
    private static partial void Open(ILogger logger, string urls);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key exists yet, so every /api call answers 401. Create one against {DataDirectory}: chatrag keys create NAME (source checkout: dotnet run --project src/ChatRag.Cli -- keys create NAME --data DIR; container image: dotnet chatrag.dll keys create NAME)")]
    private static partial void Closed(ILogger logger, string dataDirectory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the start-up summary")]
    private static partial void Failed(ILogger logger, Exception exception);
}
