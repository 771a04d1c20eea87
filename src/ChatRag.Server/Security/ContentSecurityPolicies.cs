using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace ChatRag.Server.Security;

/// <summary>
/// The Content-Security-Policy values the server sends: a strict one for the Blazor client, a looser one scoped to the
/// Scalar API reference, and one that renders nothing for API answers and stored originals.
/// </summary>
public static partial class ContentSecurityPolicies
{
    /// <summary>
    /// API answers (JSON, problem details) and uploaded originals: nothing loads, nothing runs, and a document opened
    /// from such a response gets a unique opaque origin (<c>sandbox</c>), so it can never reach ChatRag's storage.
    /// </summary>
    public const string Inert = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

    /// <summary>
    /// The Scalar API reference under <c>/docs</c>: its scripts come from this server and carry the page's nonce (its
    /// configuration is an inline module), so no other inline script runs; it injects its styles at run time, so only
    /// styles are <c>'unsafe-inline'</c>. Nothing loads from elsewhere: its CDN fonts are turned off. Without a nonce
    /// (a page Scalar did not render, such as its script files) no inline script is allowed at all.
    /// </summary>
    public static string ApiReference(string? nonce) =>
        $"default-src 'self'; script-src 'self'{(string.IsNullOrEmpty(nonce) ? string.Empty : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The web client: scripts only from our origin, WebAssembly compilation (<c>'wasm-unsafe-eval'</c>, what Blazor's
    /// runtime needs, nothing looser), no plugins, no framing. The build writes an inline import map into
    /// <c>index.html</c> (fingerprinted module names); it is allowed by its SHA-256 hash, never by <c>'unsafe-inline'</c>.
    /// </summary>
    public static string WebClient(IEnumerable<string> inlineScriptHashes)
    {
        var hashes = string.Concat(inlineScriptHashes.Select(h => $" 'sha256-{h}'"));
        return $"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; img-src 'self' data:; " +
            "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /// <summary>The base64 SHA-256 of every inline script (the import map) in the client's <c>index.html</c>; none without the client.</summary>
    public static IReadOnlyList<string> InlineScriptHashes(IFileProvider webRoot)
    {
        ArgumentNullException.ThrowIfNull(webRoot);
        var page = webRoot.GetFileInfo("index.html");
        if (!page.Exists || page.IsDirectory)
        {
            return [];
        }

        using var reader = new StreamReader(page.CreateReadStream(), Encoding.UTF8);
        var html = reader.ReadToEnd();
        return [.. InlineScript().Matches(html)
            .Select(m => m.Groups["body"].Value)
            .Where(body => body.Length > 0)
            .Select(body => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(body))))
            .Distinct()];
    }

    // A <script> without src whose body is inline; the browser hashes exactly the text between the tags.
    [GeneratedRegex(@"<script(?![^>]*\bsrc\s*=)[^>]*>(?<body>.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();
}
