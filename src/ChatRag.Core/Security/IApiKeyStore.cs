namespace ChatRag.Core.Security;

/// <summary>
/// Durable store of API keys. Only a hash of each key is kept; the plaintext is returned once, at creation.
/// </summary>
public interface IApiKeyStore
{
    /// <summary>Creates a key named <paramref name="name"/>, optionally limited to one collection.</summary>
    /// <returns>The key's metadata and its plaintext, which cannot be recovered later.</returns>
    Task<CreatedApiKey> CreateAsync(string name, string? collection = null, CancellationToken cancellationToken = default);

    /// <summary>Looks a presented key up by its hash; returns null when it is unknown, malformed or revoked.</summary>
    Task<ApiKeyInfo?> ValidateAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Every key, revoked ones included, oldest first (metadata only).</summary>
    Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Revokes a key; returns false when no key has that id.</summary>
    Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>Whether any key that is not revoked exists.</summary>
    Task<bool> AnyActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether any key was ever created, revoked ones included. Revoked keys stay as rows, so once this is true it stays
    /// true: the server's default access mode turns to API keys for good, and revoking the last key never reopens the API.
    /// </summary>
    Task<bool> AnyCreatedAsync(CancellationToken cancellationToken = default);
}
