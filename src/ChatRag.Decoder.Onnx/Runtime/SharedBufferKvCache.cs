using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>
/// genai convention: one [1, KV, max, D] buffer per past/present pair, allocated once on the KV device (CUDA
/// memory on GPU) and bound as both the past input and the present output, so GroupQueryAttention writes the new
/// positions in place and nothing is copied between steps.
/// </summary>
internal sealed class SharedBufferKvCache : IKvCache
{
    private readonly DecoderModelInfo _info;
    private readonly OrtValue[] _keys;
    private readonly OrtValue[] _values;
    private bool _bound;

    public SharedBufferKvCache(DecoderModelInfo info, OrtAllocator allocator, int maxLength)
    {
        _info = info;
        long[] shape = [1, info.KvHeads, maxLength, info.HeadDim];
        _keys = new OrtValue[info.Layers];
        _values = new OrtValue[info.Layers];
        for (var i = 0; i < info.Layers; i++)
        {
            _keys[i] = OrtValue.CreateAllocatedTensorValue(allocator, info.KvElementType, shape);
            _values[i] = OrtValue.CreateAllocatedTensorValue(allocator, info.KvElementType, shape);
        }
    }

    // The same buffers serve every step of the request, so they are bound once.
    public void Bind(OrtIoBinding binding)
    {
        if (_bound)
        {
            return;
        }

        _bound = true;
        for (var i = 0; i < _info.Layers; i++)
        {
            binding.BindInput(_info.PastKeyNames[i], _keys[i]);
            binding.BindInput(_info.PastValueNames[i], _values[i]);
            binding.BindOutput(_info.PresentKeyNames[i], _keys[i]);
            binding.BindOutput(_info.PresentValueNames[i], _values[i]);
        }
    }

    // The returned handles alias our buffers; releasing them leaves the buffers alive.
    public void Advance(IDisposableReadOnlyCollection<OrtValue> outputs, IReadOnlyList<string> outputNames) => outputs.Dispose();

    // A full-sequence run is a prompt run: GroupQueryAttention ignores what the buffer held.
    public void Reset()
    {
    }

    public void Dispose()
    {
        foreach (var value in _keys.Concat(_values))
        {
            value.Dispose();
        }
    }
}
