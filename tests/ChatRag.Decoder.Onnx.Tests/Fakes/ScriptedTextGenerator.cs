using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Runtime;

namespace ChatRag.Decoder.Onnx.Tests.Fakes;

/// <summary>Replays scripted text deltas chosen from the prompt, as the decoder loop would stream them (one token each).</summary>
internal sealed class ScriptedTextGenerator(Func<string, IReadOnlyList<string>> script) : ITextGenerator
{
    public List<string> Prompts { get; } = [];

    public string ModelId => "scripted";

    public IEnumerable<string> Generate(string prompt, GenerationSettings settings, IReadOnlyList<string> stopStrings, GenerationResult result, CancellationToken cancellationToken)
    {
        lock (Prompts)
        {
            Prompts.Add(prompt);
        }

        result.PromptTokens = prompt.Length;
        foreach (var delta in script(prompt))
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.TokenIds.Add(0);
            yield return delta;
        }

        result.FinishReason = FinishReason.EndOfSequence;
    }
}
