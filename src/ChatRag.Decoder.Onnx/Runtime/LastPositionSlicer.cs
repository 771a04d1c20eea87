using ChatRag.Onnx.Synthesis.Graph;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>
/// A one-node graph, Gather(logits, -1, axis 1), run on the model's provider: prefill logits ([1, S, V], hundreds of MB
/// for long prompts and a 150k vocabulary) stay in device memory and only the last row crosses to the host.
/// </summary>
internal sealed class LastPositionSlicer : IDisposable
{
    private readonly InferenceSession session;

    public LastPositionSlicer(TensorElementType type, SessionOptions options)
    {
        var graph = new OnnxGraphBuilder("last_position");
        var onnxType = (OnnxDataType)(int)type; // TensorElementType mirrors ONNX's DataType numbering
        var logits = graph.Input("logits", onnxType, "batch_size", "sequence_length", "vocab_size");
        graph.Node("Gather", [logits, graph.Int64Scalar(-1)], "last", attributes: new Dictionary<string, object> { ["axis"] = 1L });
        graph.Output("last", onnxType, "batch_size", "vocab_size");
        var bytes = OnnxModelWriter.Serialize(graph, new Dictionary<string, long> { [""] = 17 }).ToArray();
        session = new InferenceSession(bytes, options);
    }

    /// <summary>Returns the last position's logits in host memory; the caller disposes the collection.</summary>
    public IDisposableReadOnlyCollection<OrtValue> Slice(OrtValue logits, RunOptions runOptions)
    {
        using var binding = session.CreateIoBinding();
        binding.BindInput("logits", logits);
        binding.BindOutputToDevice("last", OrtMemoryInfo.DefaultInstance);
        session.RunWithBinding(runOptions, binding);
        return binding.GetOutputValues();
    }

    public void Dispose() => session.Dispose();
}
