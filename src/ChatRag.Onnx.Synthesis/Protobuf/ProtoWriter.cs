using System.Buffers.Binary;
using System.Text;

namespace ChatRag.Onnx.Synthesis.Protobuf;

/// <summary>
/// A minimal protobuf wire-format writer: varints, fixed32 and length-delimited fields. Nested messages are
/// written into their own writer and embedded by length, which keeps the API tiny; only graph structure goes
/// through here, so the copies are small (large weights live in raw byte arrays or an external data file).
/// </summary>
public sealed class ProtoWriter
{
    private readonly MemoryStream buffer = new();

    /// <summary>Bytes written so far.</summary>
    public long Length => buffer.Length;

    /// <summary>Writes a varint field (wire type 0): int32/int64/enum/bool.</summary>
    public ProtoWriter Varint(int field, long value)
    {
        WriteTag(field, 0);
        WriteRawVarint(unchecked((ulong)value));
        return this;
    }

    /// <summary>Writes a 32-bit float field (wire type 5).</summary>
    public ProtoWriter Float(int field, float value)
    {
        WriteTag(field, 5);
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
        buffer.Write(bytes);
        return this;
    }

    /// <summary>Writes a UTF-8 string field (wire type 2).</summary>
    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    /// <summary>Writes a bytes field (wire type 2).</summary>
    public ProtoWriter Bytes(int field, ReadOnlySpan<byte> value)
    {
        WriteTag(field, 2);
        WriteRawVarint((ulong)value.Length);
        buffer.Write(value);
        return this;
    }

    /// <summary>Writes an embedded message field (wire type 2).</summary>
    public ProtoWriter Message(int field, ProtoWriter message)
    {
        ArgumentNullException.ThrowIfNull(message);
        WriteTag(field, 2);
        WriteRawVarint((ulong)message.buffer.Length);
        message.buffer.Position = 0;
        message.buffer.CopyTo(buffer);
        return this;
    }

    /// <summary>Writes a packed repeated varint field (wire type 2), the proto3 default for repeated scalars.</summary>
    public ProtoWriter PackedVarints(int field, IEnumerable<long> values)
    {
        var inner = new ProtoWriter();
        foreach (var value in values)
        {
            inner.WriteRawVarint(unchecked((ulong)value));
        }

        WriteTag(field, 2);
        WriteRawVarint((ulong)inner.buffer.Length);
        inner.buffer.Position = 0;
        inner.buffer.CopyTo(buffer);
        return this;
    }

    /// <summary>Writes a packed repeated float field.</summary>
    public ProtoWriter PackedFloats(int field, IReadOnlyList<float> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        WriteTag(field, 2);
        WriteRawVarint((ulong)values.Count * 4);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var value in values)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes, value);
            buffer.Write(bytes);
        }

        return this;
    }

    /// <summary>Returns the serialised bytes.</summary>
    public byte[] ToArray() => buffer.ToArray();

    /// <summary>Copies the serialised bytes to a stream.</summary>
    public void CopyTo(Stream destination)
    {
        buffer.Position = 0;
        buffer.CopyTo(destination);
    }

    private void WriteTag(int field, int wireType) => WriteRawVarint((ulong)((field << 3) | wireType));

    private void WriteRawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            buffer.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        buffer.WriteByte((byte)value);
    }
}
