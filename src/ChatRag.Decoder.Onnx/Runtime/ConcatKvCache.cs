using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>
/// Optimum convention: presents (past + new) are left on the KV device by binding the outputs to it, then bound as
/// the next step's pasts without a host copy. The previous step's values are released once replaced.
/// </summary>
internal sealed class ConcatKvCache : IKvCache
{
    private readonly DecoderModelInfo info;
    private readonly OrtAllocator allocator;
    private readonly OrtMemoryInfo device;
    private readonly List<OrtValue> empty = [];
    private IDisposableReadOnlyCollection<OrtValue>? outputs;
    private OrtValue[] keys = [];
    private OrtValue[] values = [];

    public ConcatKvCache(DecoderModelInfo info, OrtAllocator allocator, OrtMemoryInfo device)
    {
        this.info = info;
        this.allocator = allocator;
        this.device = device;
        Reset();
    }

    public void Bind(OrtIoBinding binding)
    {
        for (var i = 0; i < info.Layers; i++)
        {
            binding.BindInput(info.PastKeyNames[i], keys[i]);
            binding.BindInput(info.PastValueNames[i], values[i]);
            binding.BindOutputToDevice(info.PresentKeyNames[i], device);
            binding.BindOutputToDevice(info.PresentValueNames[i], device);
        }
    }

    public void Advance(IDisposableReadOnlyCollection<OrtValue> outputs, IReadOnlyList<string> outputNames)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < outputNames.Count; i++)
        {
            index[outputNames[i]] = i;
        }

        keys = [.. info.PresentKeyNames.Select(n => outputs[index[n]])];
        values = [.. info.PresentValueNames.Select(n => outputs[index[n]])];
        ReleaseOwned();
        this.outputs = outputs;
    }

    public void Reset()
    {
        ReleaseOwned();
        long[] shape = [1, info.KvHeads, 0, info.HeadDim];
        keys = new OrtValue[info.Layers];
        values = new OrtValue[info.Layers];
        for (var i = 0; i < info.Layers; i++)
        {
            keys[i] = OrtValue.CreateAllocatedTensorValue(allocator, info.KvElementType, shape);
            values[i] = OrtValue.CreateAllocatedTensorValue(allocator, info.KvElementType, shape);
            empty.Add(keys[i]);
            empty.Add(values[i]);
        }
    }

    public void Dispose() => ReleaseOwned();

    private void ReleaseOwned()
    {
        outputs?.Dispose();
        outputs = null;
        foreach (var value in empty)
        {
            value.Dispose();
        }

        empty.Clear();
    }
}
