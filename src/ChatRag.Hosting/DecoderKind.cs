namespace ChatRag.Hosting;

/// <summary>Which language model answers (<c>ChatRag:Decoder:Kind</c>, bound case-insensitively; unset: chosen from the other keys).</summary>
public enum DecoderKind
{
    /// <summary>No model: every answer is extractive.</summary>
    None,

    /// <summary>The in-process ONNX decoder (<c>ChatRag:Decoder:ModelPath</c>).</summary>
    Onnx,

    /// <summary>An OpenAI-compatible endpoint (<c>ChatRag:Decoder:Endpoint</c>).</summary>
    OpenAI,
}
