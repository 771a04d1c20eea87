namespace ChatRag.Server.Security;

/// <summary>Claims the <c>X-Api-Key</c> authentication handler issues; <see cref="CallerScope"/> reads them back.</summary>
public static class ApiKeyClaims
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The request header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key's id (a GUID): what owns conversations and names rate-limit buckets.</summary>
    public const string KeyId = "chatrag:key_id";

    /// <summary>The one collection the key may use; absent for a key (or an anonymous caller) that sees every collection.</summary>
    public const string Collection = "chatrag:collection";

    /// <summary>Present (value <c>true</c>) on the principal of an anonymous caller in <see cref="AuthMode.Anonymous"/>.</summary>
    public const string Anonymous = "chatrag:anonymous";
}
