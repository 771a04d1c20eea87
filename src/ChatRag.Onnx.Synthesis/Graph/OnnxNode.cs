namespace ChatRag.Onnx.Synthesis.Graph;

/// <summary>One graph node. Attribute values may be long, float, string, long[], float[], <see cref="TensorData"/> or a subgraph (<see cref="OnnxGraphBuilder"/>, for If).</summary>
/// <param name="OpType">Operator name.</param>
/// <param name="Inputs">Input value names ("" for an omitted optional input).</param>
/// <param name="Outputs">Output value names.</param>
/// <param name="Name">Node name.</param>
/// <param name="Domain">Operator domain ("" for ai.onnx, "com.microsoft" for contrib ops).</param>
/// <param name="Attributes">Attributes by name.</param>
public sealed record OnnxNode(
    string OpType,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> Outputs,
    string Name,
    string Domain,
    IReadOnlyDictionary<string, object> Attributes);
