using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>
/// Optimum convention: presents (past + new) are left on the KV device by binding the outputs to it, then bound as
/// the next step's pasts without a host copy. The previous step's values are released once replaced.
/// </summary>
internal sealed class ConcatKvCache : IKvCache
{
    private readonly DecoderModelInfo _info;
    private readonly OrtAllocator _allocator;
    private readonly OrtMemoryInfo _device;
    private readonly List<OrtValue> _empty = [];
    private IDisposableReadOnlyCollection<OrtValue>? _outputs;
    private OrtValue[] _keys = [];
    private OrtValue[] _values = [];

    public ConcatKvCache(DecoderModelInfo info, OrtAllocator allocator, OrtMemoryInfo device)
    {
        _info = info;
        _allocator = allocator;
        _device = device;
        Reset();
    }

    public void Bind(OrtIoBinding binding)
    {
        for (var i = 0; i < _info.Layers; i++)
        {
            binding.BindInput(_info.PastKeyNames[i], _keys[i]);
            binding.BindInput(_info.PastValueNames[i], _values[i]);
            binding.BindOutputToDevice(_info.PresentKeyNames[i], _device);
            binding.BindOutputToDevice(_info.PresentValueNames[i], _device);
        }
    }

    public void Advance(IDisposableReadOnlyCollection<OrtValue> outputs, IReadOnlyList<string> outputNames)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < outputNames.Count; i++)
        {
            index[outputNames[i]] = i;
        }

        _keys = [.. _info.PresentKeyNames.Select(n => outputs[index[n]])];
        _values = [.. _info.PresentValueNames.Select(n => outputs[index[n]])];
        ReleaseOwned();
        _outputs = outputs;
    }

    public void Reset()
    {
        ReleaseOwned();
        long[] shape = [1, _info.KvHeads, 0, _info.HeadDim];
        _keys = new OrtValue[_info.Layers];
        _values = new OrtValue[_info.Layers];
        for (var i = 0; i < _info.Layers; i++)
        {
            _keys[i] = OrtValue.CreateAllocatedTensorValue(_allocator, _info.KvElementType, shape);
            _values[i] = OrtValue.CreateAllocatedTensorValue(_allocator, _info.KvElementType, shape);
            _empty.Add(_keys[i]);
            _empty.Add(_values[i]);
        }
    }

    public void Dispose() => ReleaseOwned();

    private void ReleaseOwned()
    {
        _outputs?.Dispose();
        _outputs = null;
        foreach (var value in _empty)
        {
            value.Dispose();
        }

        _empty.Clear();
    }
}
