using System.Runtime.CompilerServices;
using System.Text;

namespace ChatRag.Web.Api;

/// <summary>Reads Server-Sent Events (<c>event:</c> / <c>data:</c> lines, blank line ends an event) from a stream.</summary>
public static class SseReader
{
    /// <summary>Yields each event's name (default <c>message</c>) and its data lines joined with newlines.</summary>
    public static async IAsyncEnumerable<(string Name, string Data)> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? name = null;
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 || name is not null)
                {
                    yield return (name ?? "message", data.ToString());
                }

                name = null;
                data.Clear();
                continue;
            }

            if (line.StartsWith(':'))
            {
                continue; // comment / keep-alive
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }

            if (field == "event")
            {
                name = value;
            }
            else if (field == "data")
            {
                if (data.Length > 0)
                {
                    data.Append('\n');
                }

                data.Append(value);
            }
        }

        if (data.Length > 0)
        {
            yield return (name ?? "message", data.ToString());
        }
    }
}
