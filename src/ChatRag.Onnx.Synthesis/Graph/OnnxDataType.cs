namespace ChatRag.Onnx.Synthesis.Graph;

/// <summary>ONNX <c>TensorProto.DataType</c> values used by the synthesiser.</summary>
public enum OnnxDataType
{
    /// <summary>32-bit float.</summary>
    Float = 1,

    /// <summary>8-bit unsigned integer (packed 4-bit weights, zero points).</summary>
    UInt8 = 2,

    /// <summary>32-bit signed integer.</summary>
    Int32 = 6,

    /// <summary>64-bit signed integer.</summary>
    Int64 = 7,

    /// <summary>Boolean.</summary>
    Bool = 9,

    /// <summary>IEEE half precision.</summary>
    Float16 = 10,

    /// <summary>Brain float 16.</summary>
    BFloat16 = 16,
}
