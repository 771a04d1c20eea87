namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>How a decoder exchanges its key/value cache.</summary>
public enum KvConvention
{
    /// <summary>onnxruntime-genai builder: past and present are one pre-allocated [B, KV, max, D] buffer (GroupQueryAttention).</summary>
    SharedBuffer,

    /// <summary>Hugging Face optimum: present = Concat(past, new), one position longer every step.</summary>
    Concat,
}
