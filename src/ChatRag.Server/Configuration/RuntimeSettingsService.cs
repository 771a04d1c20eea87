using ChatRag.Chat;
using ChatRag.Chat.Decoders;
using ChatRag.Contracts.Settings;
using ChatRag.Core.Settings;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Configuration;

/// <summary>
/// The operator's run-time choices (default decoder, retrieval depth): stored in the database, applied to the decoder
/// catalogue and the chat at start-up and on every change. Configuration stays the fallback for an unset choice.
/// </summary>
internal sealed partial class RuntimeSettingsService(
    IRuntimeSettingsStore store, DecoderCatalog decoders, RuntimeChatSettings chat, IOptions<GroundedChatOptions> options, ILogger<RuntimeSettingsService> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stored = await store.GetAsync(cancellationToken);

        // A stored default that configuration no longer offers is ignored, not fatal: the server still starts.
        if (stored.DefaultDecoder is { } name && decoders.Canonical(name) is null)
        {
            StaleDefault(logger, name);
            stored = stored with { DefaultDecoder = null };
        }

        Apply(stored);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The current values as the caller sees them.</summary>
    public ChatSettings Describe(bool canEdit)
    {
        var depth = chat.RetrievalDepth ?? options.Value.Sources;
        List<string> lines = [$"ChatRag__Chat__Sources={depth}"];
        if (decoders.DefaultName is { } name)
        {
            lines.Insert(0, $"ChatRag__DefaultDecoder={name}");
        }

        return new ChatSettings(decoders.DefaultName, decoders.Names, depth, canEdit, lines);
    }

    /// <summary>Validates, stores and applies <paramref name="update"/>; returns an error message instead when it is invalid.</summary>
    public async Task<string?> UpdateAsync(UpdateChatSettings update, CancellationToken cancellationToken)
    {
        string? decoder = null;
        if (!string.IsNullOrWhiteSpace(update.DefaultDecoder))
        {
            decoder = decoders.Canonical(update.DefaultDecoder);
            if (decoder is null)
            {
                return new UnknownDecoderException(update.DefaultDecoder.Trim(), decoders.Names).Message;
            }
        }

        if (update.RetrievalDepth is < 1 or > 50)
        {
            return $"The retrieval depth is between 1 and 50; {update.RetrievalDepth} was sent.";
        }

        var settings = new RuntimeSettings(decoder, update.RetrievalDepth);
        await store.SaveAsync(settings, cancellationToken);
        Apply(settings);
        return null;
    }

    private void Apply(RuntimeSettings settings)
    {
        decoders.SetDefault(settings.DefaultDecoder);
        chat.RetrievalDepth = settings.RetrievalDepth is { } depth && depth is >= 1 and <= 50 ? depth : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The default decoder '{Name}' chosen in Settings is no longer configured; using the configured default.")]
    private static partial void StaleDefault(ILogger logger, string name);
}
