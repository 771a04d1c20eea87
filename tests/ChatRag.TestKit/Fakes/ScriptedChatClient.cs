using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatRag.TestKit.Fakes;

/// <summary>
/// A hand-written <see cref="IChatClient"/> that plays a script: each streaming (or non-streaming) call with tools
/// answers with a scripted list of contents (reasoning, tool calls, text, usage): turn n when the request already holds
/// n tool results (so a two-step tool round trip replays on every chat request; the last turn repeats).
/// Calls without tools (the query rewrite) answer <see cref="RewriteReply"/>. Every request is recorded, so tests
/// can assert exactly what the model received. Wrap it with <c>UseFunctionInvocation()</c> to run tool calls.
/// </summary>
public sealed class ScriptedChatClient(params IReadOnlyList<AIContent>[] turns) : IChatClient
{
    private readonly Lock gate = new();

    /// <summary>
    /// Reply to calls without tools (the follow-up rewrite); null throws, as a model without rewrite skill would. Set
    /// once with the script: a test that changed a shared client's reply would make later tests depend on run order.
    /// </summary>
    public string? RewriteReply { get; init; } = "standalone query";

    /// <summary>Messages of every call, in order.</summary>
    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    /// <summary>Options of every call, in the order of <see cref="Requests"/>.</summary>
    public List<ChatOptions?> Options { get; } = [];

    /// <summary>Throw this instead of answering (a decoder that failed to load).</summary>
    public Exception? Failure { get; set; }

    /// <summary>Model id reported in updates.</summary>
    public string ModelId { get; set; } = "scripted";

    /// <inheritdoc />
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IReadOnlyList<AIContent> contents;
        lock (gate)
        {
            Requests.Add(messages.ToList());
            Options.Add(options);
            if (Failure is not null)
            {
                throw Failure;
            }

            if (options?.Tools is not { Count: > 0 })
            {
                contents = [new TextContent(RewriteReply ?? throw new InvalidOperationException("No rewrite scripted."))];
            }
            else
            {
                var results = messages.Sum(m => m.Contents.OfType<FunctionResultContent>().Count());
                contents = turns[Math.Min(results, turns.Length - 1)];
            }
        }

        foreach (var content in contents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            // Function invocation marks a handled call as informational, so every replay needs a fresh call object.
            var fresh = content is FunctionCallContent call ? new FunctionCallContent(call.CallId, call.Name, call.Arguments) : content;
            yield return new ChatResponseUpdate(ChatRole.Assistant, [fresh]) { ModelId = ModelId };
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
