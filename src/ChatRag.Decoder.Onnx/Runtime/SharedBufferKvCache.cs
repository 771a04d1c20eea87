using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>
/// genai convention: one [1, KV, max, D] buffer per past/present pair, allocated once on the KV device (CUDA
/// memory on GPU) and bound as both the past input and the present output, so GroupQueryAttention writes the new
/// positions in place and nothing is copied between steps.
/// </summary>
internal sealed class SharedBufferKvCache : IKvCache
{
    private readonly DecoderModelInfo info;
    private readonly OrtValue[] keys;
    private readonly OrtValue[] values;
    private bool bound;

    public SharedBufferKvCache(DecoderModelInfo info, OrtAllocator allocator, int maxLength)
    {
        this.info = info;
        long[] shape = [1, info.KvHeads, maxLength, info.HeadDim];
        keys = new OrtValue[info.Layers];
        values = new OrtValue[info.Layers];
        for (var i = 0; i < info.Layers; i++)
        {
            keys[i] = OrtValue.CreateAllocatedTensorValue(allocator, info.KvElementType, shape);
            values[i] = OrtValue.CreateAllocatedTensorValue(allocator, info.KvElementType, shape);
        }
    }

    // The same buffers serve every step of the request, so they are bound once.
    public void Bind(OrtIoBinding binding)
    {
        if (bound)
        {
            return;
        }

        bound = true;
        for (var i = 0; i < info.Layers; i++)
        {
            binding.BindInput(info.PastKeyNames[i], keys[i]);
            binding.BindInput(info.PastValueNames[i], values[i]);
            binding.BindOutput(info.PresentKeyNames[i], keys[i]);
            binding.BindOutput(info.PresentValueNames[i], values[i]);
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
        foreach (var value in keys.Concat(values))
        {
            value.Dispose();
        }
    }
}
