namespace ChatRag.Onnx.Synthesis.Graph;

/// <summary>
/// An initializer or constant tensor: either inline little-endian <see cref="Raw"/> bytes, or a reference into an
/// external data file (ONNX external data, needed beyond protobuf's 2 GB limit).
/// </summary>
/// <param name="Name">Tensor name in the graph.</param>
/// <param name="DataType">Element type.</param>
/// <param name="Dims">Shape.</param>
/// <param name="Raw">Inline data, or null when <paramref name="ExternalLocation"/> is set.</param>
/// <param name="ExternalLocation">File name relative to the model, for external data.</param>
/// <param name="ExternalOffset">Byte offset in the external file.</param>
/// <param name="ExternalLength">Byte length in the external file.</param>
public sealed record TensorData(
    string Name,
    OnnxDataType DataType,
    IReadOnlyList<long> Dims,
    byte[]? Raw,
    string? ExternalLocation = null,
    long ExternalOffset = 0,
    long ExternalLength = 0)
{
    /// <summary>An int64 tensor with inline data.</summary>
    public static TensorData Int64s(string name, IReadOnlyList<long> dims, params long[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var raw = new byte[values.Length * 8];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return new TensorData(name, OnnxDataType.Int64, dims, raw);
    }

    /// <summary>A scalar of the given float type with inline data.</summary>
    public static TensorData Scalar(string name, OnnxDataType type, float value) =>
        new(name, type, [], type switch
        {
            OnnxDataType.Float => BitConverter.GetBytes(value),
            OnnxDataType.Float16 => BitConverter.GetBytes((Half)value),
            OnnxDataType.BFloat16 => BitConverter.GetBytes((ushort)(BitConverter.SingleToUInt32Bits(value) >> 16)),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a float type."),
        });
}
