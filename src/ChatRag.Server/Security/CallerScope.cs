namespace ChatRag.Server.Security;

/// <summary>
/// What the current caller may see: every collection (no keys configured, or an unscoped key) or the one collection
/// its API key is scoped to. Endpoints pass it into retrieval so scoping holds inside the search.
/// </summary>
public sealed class CallerScope
{
    /// <summary>The collection used when a request names none.</summary>
    public const string Default = "default";

    /// <summary>The collection the caller's key is limited to, or null for all.</summary>
    public string? Collection { get; private set; }

    /// <summary>The caller's key name, for logs and traces (never the key itself).</summary>
    public string? KeyName { get; private set; }

    /// <summary>The collection used when a request names none: the key's collection, else <c>default</c>.</summary>
    public string DefaultCollection => Collection ?? Default;

    /// <summary>Whether the caller may read the collection.</summary>
    public bool MaySee(string collection) => Collection is null || string.Equals(Collection, collection, StringComparison.Ordinal);

    /// <summary>Sets the scope once the key is validated.</summary>
    public void Restrict(string keyName, string? collection)
    {
        KeyName = keyName;
        Collection = collection;
    }
}
