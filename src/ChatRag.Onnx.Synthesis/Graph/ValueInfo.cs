namespace ChatRag.Onnx.Synthesis.Graph;

/// <summary>A graph input or output: name, element type, and dims that are numbers (long) or symbols (string).</summary>
/// <param name="Name">Value name.</param>
/// <param name="DataType">Element type.</param>
/// <param name="Dims">Each dim is a <see cref="long"/> or a symbolic <see cref="string"/>.</param>
public sealed record ValueInfo(string Name, OnnxDataType DataType, IReadOnlyList<object> Dims);
