using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>One request's key/value cache, bound into its IOBinding before every run.</summary>
internal interface IKvCache : IDisposable
{
    /// <summary>Binds past inputs and present outputs for the next run.</summary>
    void Bind(OrtIoBinding binding);

    /// <summary>Takes ownership of the run's outputs (the cache keeps or disposes them).</summary>
    void Advance(IDisposableReadOnlyCollection<OrtValue> outputs, IReadOnlyList<string> outputNames);

    /// <summary>Forgets the cached positions (full recompute mode).</summary>
    void Reset();
}
