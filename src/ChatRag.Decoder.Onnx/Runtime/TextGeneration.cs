using System.Diagnostics;
using System.Text;
using ChatRag.Decoder.Onnx.Tokenization;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>Text-level generation over <see cref="DecoderModel.Generate"/>: UTF-8-safe streaming and stop strings.</summary>
public static class TextGeneration
{
    /// <summary>
    /// Streams text deltas for <paramref name="prompt"/> (already rendered through a chat template). Special tokens
    /// in the prompt text are encoded as such. <paramref name="result"/> is filled as generation proceeds.
    /// </summary>
    public static IEnumerable<string> Stream(DecoderModel model, string prompt, GenerationSettings settings, IReadOnlyList<string> stopStrings, GenerationResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(result);
        return Stream(model, model.Tokenizer.Encode(prompt), settings, stopStrings, result, cancellationToken);
    }

    /// <summary>Streams text deltas for already tokenised input.</summary>
    public static IEnumerable<string> Stream(DecoderModel model, IReadOnlyList<int> promptIds, GenerationSettings settings, IReadOnlyList<string> stopStrings, GenerationResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(result);
        var tokens = model.Generate(promptIds, settings, cancellationToken);
        return StreamCore(model, promptIds, tokens, settings, stopStrings, result, cancellationToken);
    }

    private static IEnumerable<string> StreamCore(DecoderModel model, IReadOnlyList<int> promptIds, IEnumerable<int> tokens, GenerationSettings settings, IReadOnlyList<string> stopStrings, GenerationResult result, CancellationToken cancellationToken)
    {
        using var activity = DecoderModel.ActivitySource.StartActivity("decoder.generate");
        var clock = Stopwatch.StartNew();
        result.PromptTokens = promptIds.Count;
        var detokenizer = new IncrementalDetokenizer(model.Tokenizer);
        var stops = new StopStringMatcher(stopStrings ?? []);
        var text = new StringBuilder();
        var reason = FinishReason.None;
        try
        {
            foreach (var id in tokens)
            {
                if (result.TokenIds.Count == 0)
                {
                    result.TimeToFirstToken = clock.Elapsed;
                }

                result.TokenIds.Add(id);
                DecoderMetrics.TokensGenerated.Add(1);
                var delta = stops.Push(detokenizer.Push(id));
                if (delta.Length > 0)
                {
                    text.Append(delta);
                    yield return delta;
                }

                if (stops.Stopped)
                {
                    reason = FinishReason.StopString;
                    break;
                }
            }

            if (reason == FinishReason.None)
            {
                reason = result.TokenIds.Count >= Math.Min(settings.MaxNewTokens, model.MaxLength - promptIds.Count) ? FinishReason.Length : FinishReason.EndOfSequence;
                var tail = stops.Push(detokenizer.Flush()) + stops.Flush();
                if (tail.Length > 0)
                {
                    text.Append(tail);
                    yield return tail;
                }
            }
        }
        finally
        {
            result.Elapsed = clock.Elapsed;
            result.Text = text.ToString();
            result.FinishReason = reason == FinishReason.None && cancellationToken.IsCancellationRequested ? FinishReason.Cancelled : reason;
            activity?.SetTag("gen_ai.usage.input_tokens", result.PromptTokens);
            activity?.SetTag("gen_ai.usage.output_tokens", result.TokenIds.Count);
            activity?.SetTag("gen_ai.response.finish_reason", result.FinishReason.ToString());
            DecoderMetrics.TimeToFirstToken.Record(result.TimeToFirstToken.TotalMilliseconds);
        }
    }
}
