using ChatRag.Ingestion.Limits;
using DocumentFormat.OpenXml.Packaging;

namespace ChatRag.Ingestion.Readers;

/// <summary>Settings shared by the OOXML readers.</summary>
internal static class OpenXmlPackages
{
    /// <summary>
    /// Read-only settings with a per-part character cap: the zip directory was checked already, but a package can
    /// lie about its sizes, and this cap bounds what the XML parser will take from any one part regardless.
    /// </summary>
    public static OpenSettings Settings(IngestionLimitsOptions limits) => new()
    {
        AutoSave = false,
        MaxCharactersInPart = Math.Min(limits.MaxArchiveUncompressedBytes, 512L * 1024 * 1024),
    };

    /// <summary>Copies the upload into a seekable stream, which the packaging API needs.</summary>
    public static async Task<MemoryStream> BufferAsync(Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        return buffer;
    }
}
