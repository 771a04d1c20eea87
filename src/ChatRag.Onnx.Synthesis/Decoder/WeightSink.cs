using ChatRag.Onnx.Synthesis.Graph;

namespace ChatRag.Onnx.Synthesis.Decoder;

/// <summary>
/// Produces seeded random weight tensors, inline for small models or streamed chunk by chunk into an external data
/// file so multi-GB shapes never sit in memory.
/// </summary>
internal sealed partial class WeightSink : IDisposable
{
    private const int ChunkElements = 1 << 20;
    private readonly FileStream? _external;
    private readonly string? _externalName;
    private readonly OnnxDataType _type;
    private ulong _state;

    public WeightSink(OnnxDataType type, ulong seed, string? externalPath)
    {
        _type = type;
        _state = seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E5BBUL;
        if (externalPath is not null)
        {
            _external = File.Create(externalPath);
            _externalName = Path.GetFileName(externalPath);
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

        var elementSize = _type == OnnxDataType.Float ? 4 : 2;
        if (_external is null)
        {
            var raw = new byte[count * elementSize];
            Fill(raw, count, scale, center);
            return new TensorData(name, _type, dims, raw);
        }

        var offset = _external.Position;
        var buffer = new byte[Math.Min(count, ChunkElements) * elementSize];
        for (long done = 0; done < count; done += ChunkElements)
        {
            var n = Math.Min(ChunkElements, count - done);
            Fill(buffer, n, scale, center);
            _external.Write(buffer, 0, (int)(n * elementSize));
        }

        return new TensorData(name, _type, dims, null, _externalName, offset, count * elementSize);
    }

    /// <summary>A tensor from explicit float values (rotary tables), inline.</summary>
    public TensorData FromValues(string name, long[] dims, float[] values)
    {
        var elementSize = _type == OnnxDataType.Float ? 4 : 2;
        var raw = new byte[values.Length * elementSize];
        for (var i = 0; i < values.Length; i++)
        {
            Put(raw, i, values[i]);
        }

        return new TensorData(name, _type, dims, raw);
    }

    public void Dispose() => _external?.Dispose();

    private void Fill(byte[] raw, long count, float scale, float center)
    {
        for (var i = 0; i < count; i++)
        {
            Put(raw, i, center + (scale * ((2f * NextUnit()) - 1f)));
        }
    }

    private void Put(byte[] raw, int index, float value)
    {
        switch (_type)
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
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return ((_state * 2685821657736338717UL) >> 40) / (float)(1 << 24);
    }
}
