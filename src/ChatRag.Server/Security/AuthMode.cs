namespace ChatRag.Server.Security;

/// <summary>Who may call <c>/api</c> (<c>ChatRag:Auth:Mode</c>).</summary>
public enum AuthMode
{
    /// <summary>Every <c>/api</c> call needs a valid <c>X-Api-Key</c>; with no key yet the API is closed.</summary>
    ApiKeys,

    /// <summary>Callers without a key get full access (an explicit operator choice, or a local first run).</summary>
    Anonymous,
}
