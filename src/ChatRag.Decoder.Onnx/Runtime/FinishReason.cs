namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>Why a generation ended.</summary>
public enum FinishReason
{
    /// <summary>Still running.</summary>
    None,

    /// <summary>An end-of-sequence token.</summary>
    EndOfSequence,

    /// <summary>A stop string.</summary>
    StopString,

    /// <summary>The token budget or the maximum length.</summary>
    Length,

    /// <summary>Cancelled by the caller.</summary>
    Cancelled,
}
