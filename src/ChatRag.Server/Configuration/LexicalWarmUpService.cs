using System.Diagnostics;
using ChatRag.Core.Indexing;

namespace ChatRag.Server.Configuration;

/// <summary>
/// Builds the lexical index's in-memory copy in the background right after start-up (seconds at 100k chunks), so the
/// first user's search does not pay for it. Searches that arrive earlier simply wait for the same build.
/// </summary>
public sealed partial class LexicalWarmUpService(ILexicalIndex index, ILogger<LexicalWarmUpService> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await index.WarmUpAsync(stoppingToken);
            LogWarmedUp(logger, clock.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down before the build finished is fine: the next start builds it again.
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A failed warm-up is not fatal: the first search retries the build and reports its own error.
            LogWarmUpFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lexical index ready in {ElapsedMs} ms")]
    private static partial void LogWarmedUp(ILogger logger, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lexical index warm-up failed; the first search will build it")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
