namespace ChatRag.Server.Security;

/// <summary>
/// The Content-Type an uploaded original is served under. Only types a browser renders inert (PDF, plain text,
/// raster images) or never renders (Office packages) keep their own; anything that can carry script or markup
/// (HTML, SVG, XML, JavaScript) or that we do not know goes out as <c>application/octet-stream</c>.
/// </summary>
public static class OriginalFileTypes
{
    /// <summary>What an original without a safe known type is served as.</summary>
    public const string Opaque = "application/octet-stream";

    private static readonly HashSet<string> Inert = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf",
        "text/plain",
        "text/markdown",
        "text/csv",
        "image/png",
        "image/jpeg",
        "image/gif",
        "image/webp",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>The type to serve an original stored as <paramref name="storedType"/> with (parameters dropped).</summary>
    public static string ServedType(string? storedType)
    {
        var essence = storedType?.Split(';', 2)[0].Trim();
        return essence is not null && Inert.Contains(essence) ? essence.ToLowerInvariant() : Opaque;
    }
}
