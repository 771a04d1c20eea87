using ChatRag.Core.Conversations;
using ChatRag.Decoder.Onnx.Runtime;

namespace ChatRag.Decoder.Onnx.Chat;

/// <summary>
/// The real <see cref="ITextGenerator"/>: the ONNX generation loop of a loaded <see cref="DecoderModel"/>. It also
/// counts tokens with the model's own tokenizer against its context window, so prompts can be trimmed to fit.
/// </summary>
public sealed class DecoderTextGenerator : ITextGenerator, IPromptTokenCounter
{
    private readonly DecoderModel model;

    /// <summary>Wraps a loaded model (not owned).</summary>
    public DecoderTextGenerator(DecoderModel model)
    {
        this.model = model ?? throw new ArgumentNullException(nameof(model));
        ModelId = Path.GetFileName(Path.TrimEndingDirectorySeparator(model.Info.Directory));
    }

    /// <inheritdoc />
    public string ModelId { get; }

    /// <inheritdoc />
    public int ContextTokens => model.MaxLength;

    /// <inheritdoc />
    public int CountTokens(string text) => model.Tokenizer.Encode(text).Count;

    /// <inheritdoc />
    public IEnumerable<string> Generate(string prompt, GenerationSettings settings, IReadOnlyList<string> stopStrings, GenerationResult result, CancellationToken cancellationToken) =>
        TextGeneration.Stream(model, prompt, settings, stopStrings, result, cancellationToken);
}
