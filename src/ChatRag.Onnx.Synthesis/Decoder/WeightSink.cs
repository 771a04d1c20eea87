using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>
/// Produces seeded random weight tensors, inline for small models or streamed chunk by chunk into an external data
/// file so multi-GB shapes never sit in memory.
/// </summary>
internal sealed partial class WeightSink : IDisposable
{
    private const int ChunkElements = 1 << 20;
    private readonly FileStream? external;
    private readonly string? externalName;
    private readonly OnnxDataType type;
    private ulong state;

    public WeightSink(OnnxDataType type, ulong seed, string? externalPath)
    {
        this.type = type;
        state = seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E5BBUL;
        if (externalPath is not null)
        {
            external = File.Create(externalPath);
            externalName = Path.GetFileName(externalPath);
        }
    }

    /// <summary>A tensor of uniform values in [center - scale, center + scale] (scale sqrt(3) gives unit variance).</summary>
    public TensorData Random(string name, long[] dims, float scale, float center = 0)
    {
        long count = 1;
        foreach (var dim in dims)
        {
            count *= dim;
        }

        var elementSize = type == OnnxDataType.Float ? 4 : 2;
        if (external is null)
        {
            var raw = new byte[count * elementSize];
            Fill(raw, count, scale, center);
            return new TensorData(name, type, dims, raw);
        }

        var offset = external.Position;
        var buffer = new byte[Math.Min(count, ChunkElements) * elementSize];
        for (long done = 0; done < count; done += ChunkElements)
        {
            var n = Math.Min(ChunkElements, count - done);
            Fill(buffer, n, scale, center);
            external.Write(buffer, 0, (int)(n * elementSize));
        }

        return new TensorData(name, type, dims, null, externalName, offset, count * elementSize);
    }

    /// <summary>A tensor from explicit float values (rotary tables), inline.</summary>
    public TensorData FromValues(string name, long[] dims, float[] values)
    {
        var elementSize = type == OnnxDataType.Float ? 4 : 2;
        var raw = new byte[values.Length * elementSize];
        for (var i = 0; i < values.Length; i++)
        {
            Put(raw, i, values[i]);
        }

        return new TensorData(name, type, dims, raw);
    }

    public void Dispose() => external?.Dispose();

    private void Fill(byte[] raw, long count, float scale, float center)
    {
        for (var i = 0; i < count; i++)
        {
            Put(raw, i, center + (scale * ((2f * NextUnit()) - 1f)));
        }
    }

    private void Put(byte[] raw, int index, float value)
    {
        switch (type)
        {
            case OnnxDataType.Float:
                BitConverter.TryWriteBytes(raw.AsSpan(index * 4), value);
                break;
            case OnnxDataType.Float16:
                BitConverter.TryWriteBytes(raw.AsSpan(index * 2), (Half)value);
                break;
            default:
                BitConverter.TryWriteBytes(raw.AsSpan(index * 2), (ushort)(BitConverter.SingleToUInt32Bits(value) >> 16));
                break;
        }
    }

    // xorshift64*: fast, seedable, and identical on every platform, so a seed names one model.
    private float NextUnit()
    {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        return ((state * 2685821657736338717UL) >> 40) / (float)(1 << 24);
    }
}
