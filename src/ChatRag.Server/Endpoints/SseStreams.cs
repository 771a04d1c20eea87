namespace ChatRag.Server.Endpoints;

/// <summary>What the two event streams (<c>/api/v1/chat</c>, <c>/v1/chat/completions</c>) do the same way before their first event.</summary>
internal static class SseStreams
{
    /// <summary>
    /// Moves to the first event before anything is written, so an error there propagates with its own status;
    /// false (and the enumerator disposed) when the stream is empty.
    /// </summary>
    public static async Task<bool> FirstAsync<T>(IAsyncEnumerator<T> enumerator)
    {
        try
        {
            if (await enumerator.MoveNextAsync())
            {
                return true;
            }
        }
        catch
        {
            await enumerator.DisposeAsync();
            throw;
        }

        await enumerator.DisposeAsync();
        return false;
    }

    /// <summary>Asks reverse proxies (nginx) not to hold events back; the SSE result itself turns off the server's response buffering.</summary>
    public static void DisableProxyBuffering(HttpContext http) => http.Response.Headers["X-Accel-Buffering"] = "no";
}
