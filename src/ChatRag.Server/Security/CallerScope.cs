using System.Security.Claims;

namespace ChatRag.Server.Security;

/// <summary>
/// What the current caller may see, read from the claims of its authenticated principal: every collection (anonymous
/// mode, or an unscoped key) or the one collection its API key is scoped to. Endpoints pass it into retrieval so scoping
/// holds inside the search.
/// </summary>
public sealed class CallerScope
{
    /// <summary>The collection used when a request names none.</summary>
    public const string Default = "default";

    private CallerScope(Guid? keyId, string? keyName, string? collection)
    {
        KeyId = keyId;
        KeyName = keyName;
        Collection = collection;
    }

    /// <summary>The caller's key id, or null for an anonymous caller. Owners and rate-limit buckets use it, never the name.</summary>
    public Guid? KeyId { get; }

    /// <summary>The caller's key name, for logs and traces (never the key itself); names can repeat, so never for identity.</summary>
    public string? KeyName { get; }

    /// <summary>The collection the caller's key is limited to, or null for all.</summary>
    public string? Collection { get; }

    /// <summary>The collection used when a request names none: the key's collection, else <c>default</c>.</summary>
    public string DefaultCollection => Collection ?? Default;

    /// <summary>Whether the caller may read the collection.</summary>
    public bool MaySee(string collection) => Collection is null || string.Equals(Collection, collection, StringComparison.Ordinal);

    /// <summary>The collection a request means: the one it names (trimmed), else <see cref="DefaultCollection"/>.</summary>
    public string Resolve(string? requested) => string.IsNullOrWhiteSpace(requested) ? DefaultCollection : requested.Trim();

    /// <summary>The scope of an authenticated principal; a principal without key claims has full scope.</summary>
    public static CallerScope From(ClaimsPrincipal? user)
    {
        var id = user?.FindFirst(ApiKeyClaims.KeyId)?.Value;
        return new CallerScope(
            Guid.TryParse(id, out var keyId) ? keyId : null,
            id is null ? null : user?.Identity?.Name,
            user?.FindFirst(ApiKeyClaims.Collection)?.Value);
    }
}
