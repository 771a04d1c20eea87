namespace ChatRag.Decoder.Onnx.Chat;

/// <summary>Whether a reasoning model thinks before it answers (<c>ChatRag:Decoder:Thinking</c>).</summary>
public enum ThinkingMode
{
    /// <summary>As the model's template decides when nothing asks otherwise (Qwen3 thinks by default).</summary>
    Auto,

    /// <summary>Think: <c>enable_thinking=true</c> for templates that have the switch.</summary>
    On,

    /// <summary>
    /// Answer directly: <c>enable_thinking=false</c> for templates that have the switch; for a reasoning template
    /// without it, the generation prompt is closed with an empty <c>&lt;think&gt;&lt;/think&gt;</c> block, as Qwen3 does.
    /// </summary>
    Off,
}
