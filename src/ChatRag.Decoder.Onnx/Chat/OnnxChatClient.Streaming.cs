using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatRag.Decoder.Onnx.Runtime;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Chat;

/// <summary>Streaming: the loop runs on a worker thread and hands text deltas over a channel.</summary>
public sealed partial class OnnxChatClient
{
    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var (generator, template) = backend.Value;
        // A template without a tool-call format never sees tools: the model could not call them (see ToolCallSupport).
        IReadOnlyList<AITool>? tools = template.SupportsTools && options?.Tools is { Count: > 0 } t ? [.. t] : null;
        var prompt = template.RenderGenerationPrompt([.. messages], tools, Thinking(options));
        var settings = ToSettings(options);
        IReadOnlyList<string> stops = [.. template.StopStrings, .. options?.StopSequences ?? []];
        var responseId = Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow;

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        DecoderMetrics.ActiveRequests.Add(1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var result = new GenerationResult();
        var channel = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

        // The loop is synchronous compute; a worker thread keeps it off the caller's context. Cancelling `stop`
        // interrupts the running step (RunOptions.Terminate), so an abandoned stream frees its slot within one step.
        var producer = Task.Run(
            () =>
            {
                try
                {
                    foreach (var delta in generator.Generate(prompt, settings, stops, result, stop.Token))
                    {
                        channel.Writer.TryWrite(delta);
                    }

                    channel.Writer.TryComplete();
                }
                catch (Exception e)
                {
                    channel.Writer.TryComplete(e);
                }
            },
            CancellationToken.None);
        try
        {
            var parser = template.CreateOutputParser(prompt);
            var sawToolCall = false;
            await foreach (var delta in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var contents = parser.Push(delta).ToList();
                sawToolCall |= contents.OfType<FunctionCallContent>().Any();
                if (contents.Count > 0)
                {
                    yield return Update(responseId, created, generator.ModelId, contents);
                }
            }

            await producer.ConfigureAwait(false);
            var rest = parser.Complete().ToList();
            sawToolCall |= rest.OfType<FunctionCallContent>().Any();
            rest.Add(new UsageContent(new UsageDetails
            {
                InputTokenCount = result.PromptTokens,
                OutputTokenCount = result.TokenIds.Count,
                TotalTokenCount = result.PromptTokens + result.TokenIds.Count,
            }));
            var last = Update(responseId, created, generator.ModelId, rest);
            last.FinishReason = sawToolCall ? ChatFinishReason.ToolCalls
                : result.FinishReason == FinishReason.Length ? ChatFinishReason.Length : ChatFinishReason.Stop;
            yield return last;
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            DecoderMetrics.ActiveRequests.Add(-1);
            gate.Release();
        }
    }

    private static ChatResponseUpdate Update(string responseId, DateTimeOffset created, string modelId, IList<AIContent> contents) => new(ChatRole.Assistant, contents)
    {
        ResponseId = responseId,
        MessageId = responseId,
        CreatedAt = created,
        ModelId = modelId,
    };
}
