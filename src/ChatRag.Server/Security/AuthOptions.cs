namespace ChatRag.Server.Security;

/// <summary>Access to the API (section <c>ChatRag:Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "ChatRag:Auth";

    /// <summary>
    /// <c>ApiKeys</c> or <c>Anonymous</c>. Unset, it is <c>ApiKeys</c> as soon as any key was ever created (revoked
    /// keys count), in a container, or when the server listens beyond loopback; otherwise <c>Anonymous</c>, so a
    /// local first run on <c>localhost</c> works before any key exists. See <see cref="AuthModeResolver"/>.
    /// </summary>
    public AuthMode? Mode { get; set; }
}
