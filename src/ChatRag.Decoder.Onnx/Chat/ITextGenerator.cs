using ChatRag.Decoder.Onnx.Runtime;

namespace ChatRag.Decoder.Onnx.Chat;

/// <summary>
/// Prompt text in, streamed text out: the seam between <see cref="OnnxChatClient"/> and the generation loop, so the
/// chat layer (templates, parsing, usage, finish reasons) can also be driven by a scripted stream in tests.
/// </summary>
public interface ITextGenerator
{
    /// <summary>Model identifier reported in responses.</summary>
    string ModelId { get; }

    /// <summary>Streams text deltas for a rendered prompt; <paramref name="result"/> is filled as it runs.</summary>
    IEnumerable<string> Generate(string prompt, GenerationSettings settings, IReadOnlyList<string> stopStrings, GenerationResult result, CancellationToken cancellationToken);
}
