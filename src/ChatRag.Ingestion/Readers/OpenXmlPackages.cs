using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Errors;
using DocumentFormat.OpenXml;
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
        MaxCharactersInPart = Math.Min(limits.MaxArchiveUncompressedBytes, limits.MaxXmlPartCharacters),
    };

    /// <summary>Deepest element nesting accepted in a part; real Office XML stays under 50.</summary>
    public const int MaxElementDepth = 512;

    /// <summary>
    /// Rejects a part larger than the XML part limit, then streams through <paramref name="part"/> once, calling <paramref name="visit"/> on each start element, and rejects
    /// nesting deeper than <see cref="MaxElementDepth"/> before anything loads the part as a tree: the SDK builds
    /// trees recursively, so a part nested a hundred thousand deep would overflow the stack and kill the process.
    /// </summary>
    public static void Scan(OpenXmlPart part, IngestionLimitsOptions limits, CancellationToken cancellationToken, Action<OpenXmlReader>? visit = null)
    {
        // A UTF-8 part has at least as many bytes as characters: over the byte count is a clear reason up front,
        // where the parser's own cap would only say "damaged" half way through. Zip entry streams cannot tell their
        // length, so the bytes are counted (and dropped) as they inflate, stopping at the limit.
        using (var raw = part.GetStream(FileMode.Open, FileAccess.Read))
        {
            var scratch = new byte[81920];
            long total = 0;
            int read;
            while ((read = raw.Read(scratch)) > 0)
            {
                total += read;
                if (total > limits.MaxXmlPartCharacters)
                {
                    throw new DocumentLimitExceededException(
                        $"A part of the document holds more than {limits.MaxXmlPartCharacters / (1024 * 1024.0):0.#} MiB of XML, the configured limit. Split the document and upload the parts separately.");
                }
            }
        }

        using var reader = OpenXmlReader.Create(part);
        var seen = 0;
        while (reader.Read())
        {
            if (!reader.IsStartElement)
            {
                continue;
            }

            if (reader.Depth > MaxElementDepth)
            {
                throw new DocumentLimitExceededException(
                    $"The document's XML is nested more than {MaxElementDepth} levels deep; it is not an ordinary Office document and was not opened.");
            }

            if (++seen % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            visit?.Invoke(reader);
        }
    }

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
