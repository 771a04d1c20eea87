using System.Text;

namespace ChatRag.Core.Security;

/// <summary>A freshly created API key: the only time its plaintext is available.</summary>
/// <param name="Info">The stored metadata.</param>
/// <param name="Key">The plaintext key (<c>crk_</c> + 43 base64url characters); show it once, store it nowhere.</param>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key)
{
    // Records print every property; keep the secret out of logs and exception messages.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Info = ").Append(Info).Append(", Key = ***");
        return true;
    }
}
