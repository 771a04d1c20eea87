using System.Globalization;

namespace ChatRag.Onnx.Synthesis.Graph;

/// <summary>Accumulates nodes, initializers, inputs and outputs of one ONNX graph; names are generated when not given.</summary>
public sealed class OnnxGraphBuilder
{
    private readonly List<OnnxNode> nodes = [];
    private readonly List<TensorData> initializers = [];
    private readonly List<ValueInfo> inputs = [];
    private readonly List<ValueInfo> outputs = [];
    private int counter;

    /// <summary>Creates a builder for a graph with the given name.</summary>
    public OnnxGraphBuilder(string name) => Name = name;

    /// <summary>Graph name.</summary>
    public string Name { get; }

    /// <summary>Nodes in topological order.</summary>
    public IReadOnlyList<OnnxNode> Nodes => nodes;

    /// <summary>Initializers (weights and constants).</summary>
    public IReadOnlyList<TensorData> Initializers => initializers;

    /// <summary>Graph inputs.</summary>
    public IReadOnlyList<ValueInfo> Inputs => inputs;

    /// <summary>Graph outputs.</summary>
    public IReadOnlyList<ValueInfo> Outputs => outputs;

    /// <summary>Declares a graph input.</summary>
    public string Input(string name, OnnxDataType type, params object[] dims)
    {
        inputs.Add(new ValueInfo(name, type, dims));
        return name;
    }

    /// <summary>Declares a graph output.</summary>
    public void Output(string name, OnnxDataType type, params object[] dims) => outputs.Add(new ValueInfo(name, type, dims));

    /// <summary>Adds an initializer and returns its name.</summary>
    public string Initializer(TensorData tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        initializers.Add(tensor);
        return tensor.Name;
    }

    /// <summary>Adds an inline int64 constant initializer with a generated name.</summary>
    public string Int64s(params long[] values) => Initializer(TensorData.Int64s(Fresh("const_i64"), [values.Length], values));

    /// <summary>Adds an inline int64 scalar initializer with a generated name.</summary>
    public string Int64Scalar(long value) => Initializer(TensorData.Int64s(Fresh("const_i64s"), [], value));

    /// <summary>Adds an inline float scalar initializer of the given type.</summary>
    public string Scalar(OnnxDataType type, float value) => Initializer(TensorData.Scalar(Fresh("const_f"), type, value));

    /// <summary>Adds a single-output node and returns the output name.</summary>
    public string Node(string opType, IReadOnlyList<string> inputs, string? output = null, string domain = "", IReadOnlyDictionary<string, object>? attributes = null) =>
        NodeMulti(opType, inputs, [output ?? Fresh(opType)], domain, attributes)[0];

    /// <summary>Adds a node with several outputs.</summary>
    public IReadOnlyList<string> NodeMulti(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, string domain = "", IReadOnlyDictionary<string, object>? attributes = null)
    {
        nodes.Add(new OnnxNode(opType, inputs, outputs, Fresh(opType + "_node"), domain, attributes ?? new Dictionary<string, object>()));
        return outputs;
    }

    /// <summary>A fresh unique value name with the given prefix.</summary>
    public string Fresh(string prefix) => string.Create(CultureInfo.InvariantCulture, $"{prefix}_{counter++}");
}
