using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace ChatRag.Core.Ingestion;

/// <summary>
/// Where a page of the document list ends: the last document's creation time and id, in the list's order (newest
/// first, ties by id). A keyset, not an offset, so documents added or deleted while a client pages neither repeat nor
/// skip the documents that were there all along. Clients see it only as an opaque token.
/// </summary>
/// <param name="CreatedAt">Creation time (UTC) of the last document of the page.</param>
/// <param name="Id">Id of the last document of the page.</param>
public readonly record struct DocumentCursor(DateTime CreatedAt, Guid Id)
{
    /// <summary>The opaque token (URL-safe base64).</summary>
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{CreatedAt.Ticks}:{Id:N}")));

    /// <summary>Reads a token made by <see cref="Encode"/>; false for anything else.</summary>
    public static bool TryDecode(string? token, out DocumentCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(token) || token.Length > 128)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[96];
        if (!Base64Url.IsValid(token) || !Base64Url.TryDecodeFromChars(token, bytes, out var length))
        {
            return false;
        }

        var text = Encoding.ASCII.GetString(bytes[..length]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTime.MaxValue.Ticks
            || !Guid.TryParseExact(text.AsSpan(colon + 1), "N", out var id))
        {
            return false;
        }

        cursor = new DocumentCursor(new DateTime(ticks, DateTimeKind.Utc), id);
        return true;
    }
}
