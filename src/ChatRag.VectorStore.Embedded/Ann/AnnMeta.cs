using System.Globalization;

namespace ChatRag.VectorStore.Embedded.Ann;

/// <summary>
/// Which journal state a saved graph reflects: the journal generation and its length at save time. A graph whose
/// generation differs is stale (the journal was rewritten); one whose length is shorter can catch up from that offset.
/// </summary>
internal sealed record AnnMeta(Guid Generation, long LogLength)
{
    /// <summary>Reads the side file; null when missing or unreadable (the graph is then rebuilt).</summary>
    public static AnnMeta? TryRead(string path)
    {
        try
        {
            var parts = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length == 2 && Guid.TryParse(parts[0], out var generation) && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                ? new AnnMeta(generation, length)
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Writes the side file atomically (temporary file, then rename).</summary>
    public void Write(string path)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, string.Create(CultureInfo.InvariantCulture, $"{Generation:D} {LogLength}"));
        File.Move(temporary, path, overwrite: true);
    }
}
