using System.Runtime.InteropServices;

namespace ChatRag.Ingestion;

/// <summary>A read-only stream over memory the caller owns, so readers can take a <see cref="Stream"/> without a copy.</summary>
internal sealed class ReadOnlyMemoryStream : MemoryStream
{
    public ReadOnlyMemoryStream(ReadOnlyMemory<byte> content)
        : base(ToSegment(content).Array!, ToSegment(content).Offset, content.Length, writable: false)
    {
    }

    private static ArraySegment<byte> ToSegment(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) ? segment : new ArraySegment<byte>(content.ToArray());
}
