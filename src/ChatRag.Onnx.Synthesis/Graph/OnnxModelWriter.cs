using ChatRag.Onnx.Synthesis.Protobuf;

namespace ChatRag.Onnx.Synthesis.Graph;

/// <summary>
/// Serialises a graph as an ONNX <c>ModelProto</c>. Field numbers follow onnx.proto (ModelProto: ir_version 1,
/// producer_name 2, graph 7, opset_import 8, metadata_props 14; GraphProto: node 1, name 2, initializer 5,
/// input 11, output 12; NodeProto: input 1, output 2, name 3, op_type 4, attribute 5, domain 7; TensorProto:
/// dims 1, data_type 2, name 8, raw_data 9, external_data 13, data_location 14).
/// </summary>
public static class OnnxModelWriter
{
    /// <summary>IR version 8 matches opset 17..18 and is read by every ONNX Runtime we target.</summary>
    public const long IrVersion = 8;

    /// <summary>Writes the model to a file.</summary>
    public static void Write(string path, OnnxGraphBuilder graph, IReadOnlyDictionary<string, long> opsets, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var stream = File.Create(path);
        Serialize(graph, opsets, metadata).CopyTo(stream);
    }

    /// <summary>Serialises the model into a writer.</summary>
    public static ProtoWriter Serialize(OnnxGraphBuilder graph, IReadOnlyDictionary<string, long> opsets, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(opsets);
        var model = new ProtoWriter().Varint(1, IrVersion).String(2, "ChatRag.Onnx.Synthesis").String(3, "1.0");
        model.Message(7, GraphProto(graph));
        foreach (var (domain, version) in opsets)
        {
            model.Message(8, new ProtoWriter().String(1, domain).Varint(2, version));
        }

        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            model.Message(14, new ProtoWriter().String(1, key).String(2, value));
        }

        return model;
    }

    private static ProtoWriter GraphProto(OnnxGraphBuilder graph)
    {
        var g = new ProtoWriter();
        foreach (var node in graph.Nodes)
        {
            g.Message(1, NodeProto(node));
        }

        g.String(2, graph.Name);
        foreach (var tensor in graph.Initializers)
        {
            g.Message(5, TensorProto(tensor));
        }

        foreach (var input in graph.Inputs)
        {
            g.Message(11, ValueInfoProto(input));
        }

        foreach (var output in graph.Outputs)
        {
            g.Message(12, ValueInfoProto(output));
        }

        return g;
    }

    private static ProtoWriter NodeProto(OnnxNode node)
    {
        var n = new ProtoWriter();
        foreach (var input in node.Inputs)
        {
            n.String(1, input);
        }

        foreach (var output in node.Outputs)
        {
            n.String(2, output);
        }

        n.String(3, node.Name).String(4, node.OpType);
        foreach (var (name, value) in node.Attributes)
        {
            n.Message(5, AttributeProto(name, value));
        }

        if (node.Domain.Length > 0)
        {
            n.String(7, node.Domain);
        }

        return n;
    }

    // AttributeProto: name 1, f 2, i 3, s 4, t 5, g 6, floats 7, ints 8, type 20 (FLOAT 1, INT 2, STRING 3, TENSOR 4, GRAPH 5, FLOATS 6, INTS 7).
    private static ProtoWriter AttributeProto(string name, object value)
    {
        var a = new ProtoWriter().String(1, name);
        return value switch
        {
            float f => a.Float(2, f).Varint(20, 1),
            int i => a.Varint(3, i).Varint(20, 2),
            long l => a.Varint(3, l).Varint(20, 2),
            string s => a.String(4, s).Varint(20, 3),
            TensorData t => a.Message(5, TensorProto(t)).Varint(20, 4),
            OnnxGraphBuilder g => a.Message(6, GraphProto(g)).Varint(20, 5),
            float[] fs => a.PackedFloats(7, fs).Varint(20, 6),
            long[] ls => a.PackedVarints(8, ls).Varint(20, 7),
            _ => throw new ArgumentException($"Unsupported attribute type {value.GetType()} for '{name}'.", nameof(value)),
        };
    }

    private static ProtoWriter TensorProto(TensorData tensor)
    {
        var t = new ProtoWriter();
        if (tensor.Dims.Count > 0)
        {
            t.PackedVarints(1, tensor.Dims);
        }

        t.Varint(2, (long)tensor.DataType).String(8, tensor.Name);
        if (tensor.Raw is not null)
        {
            t.Bytes(9, tensor.Raw);
        }
        else
        {
            var location = tensor.ExternalLocation ?? throw new ArgumentException($"Tensor '{tensor.Name}' has neither data nor a location.", nameof(tensor));
            t.Message(13, Entry("location", location));
            t.Message(13, Entry("offset", tensor.ExternalOffset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            t.Message(13, Entry("length", tensor.ExternalLength.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            t.Varint(14, 1);
        }

        return t;
    }

    private static ProtoWriter Entry(string key, string value) => new ProtoWriter().String(1, key).String(2, value);

    // ValueInfoProto: name 1, type 2; TypeProto.tensor_type 1; Tensor: elem_type 1, shape 2; shape.dim 1; dim_value 1, dim_param 2.
    private static ProtoWriter ValueInfoProto(ValueInfo info)
    {
        var shape = new ProtoWriter();
        foreach (var dim in info.Dims)
        {
            shape.Message(1, dim switch
            {
                string symbol => new ProtoWriter().String(2, symbol),
                int i => new ProtoWriter().Varint(1, i),
                long l => new ProtoWriter().Varint(1, l),
                _ => throw new ArgumentException($"Bad dim {dim} in '{info.Name}'.", nameof(info)),
            });
        }

        var tensorType = new ProtoWriter().Varint(1, (long)info.DataType).Message(2, shape);
        return new ProtoWriter().String(1, info.Name).Message(2, new ProtoWriter().Message(1, tensorType));
    }
}
