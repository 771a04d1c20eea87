using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// Streaming reader of a model's raw output. It is fed decoded text deltas in order and yields
/// <see cref="TextContent"/>, <see cref="TextReasoningContent"/> and <see cref="FunctionCallContent"/>
/// as soon as each is certain; text that might still be the start of a tag is held back.
/// </summary>
public interface IModelOutputParser
{
    /// <summary>Consumes the next decoded text delta.</summary>
    /// <param name="textDelta">The text decoded since the previous call.</param>
    /// <returns>The contents that became certain with this delta (possibly none).</returns>
    IEnumerable<AIContent> Push(string textDelta);

    /// <summary>Flushes everything still held back at the end of generation.</summary>
    /// <returns>The remaining contents.</returns>
    IEnumerable<AIContent> Complete();
}
