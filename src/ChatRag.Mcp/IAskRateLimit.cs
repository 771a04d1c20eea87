namespace ChatRag.Mcp;

/// <summary>
/// Whether the caller may start another <c>ask</c> now: a grounded answer runs the decoder, so a host that limits chat
/// turns per caller limits them here too. Without one registered (the local stdio server), <c>ask</c> is not limited.
/// </summary>
public interface IAskRateLimit
{
    /// <summary>Takes one permit; false when the caller's budget for the current window is spent.</summary>
    bool TryAcquire();
}
