using ChatRag.Core.Security;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Security;

/// <summary>
/// The access mode in effect. <c>ChatRag:Auth:Mode</c> wins when set. Unset, it is <see cref="AuthMode.ApiKeys"/> in
/// a container, when the server listens beyond loopback, or once any API key was ever created (revoked ones count, so
/// revoking the last key never reopens the API); otherwise <see cref="AuthMode.Anonymous"/>: a local first run on
/// <c>localhost</c> works before any key exists.
/// </summary>
public sealed class AuthModeResolver(IOptions<AuthOptions> options, AuthEnvironment environment, IApiKeyStore keys)
{
    // Monotonic: once a key exists the answer can never go back, so it is remembered and the store is not asked again.
    private volatile bool keyCreated;

    /// <summary>The mode for this request.</summary>
    public async ValueTask<AuthMode> CurrentAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Mode is { } configured)
        {
            return configured;
        }

        if (environment.InContainer || environment.ListensBeyondLoopback)
        {
            return AuthMode.ApiKeys;
        }

        // Checked on each keyless request while open, so the first "keys create" closes the API at once, not after a cache expires.
        return await AnyKeyCreatedAsync(cancellationToken) ? AuthMode.ApiKeys : AuthMode.Anonymous;
    }

    /// <summary>Whether any key was ever created (revoked ones included).</summary>
    public async ValueTask<bool> AnyKeyCreatedAsync(CancellationToken cancellationToken)
    {
        if (!keyCreated && await keys.AnyCreatedAsync(cancellationToken))
        {
            keyCreated = true;
        }

        return keyCreated;
    }

    /// <summary>Why the mode is what it is, for the start-up log.</summary>
    public async Task<string> ReasonAsync(CancellationToken cancellationToken) => options.Value.Mode is not null ? "set by ChatRag:Auth:Mode"
        : environment.InContainer ? "default in a container"
        : environment.ListensBeyondLoopback ? "default when listening beyond loopback"
        : await AnyKeyCreatedAsync(cancellationToken) ? "default once an API key was created"
        : "default for a local first run with no API key yet";
}
