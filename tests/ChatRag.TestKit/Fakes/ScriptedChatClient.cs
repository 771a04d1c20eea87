using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatRag.TestKit.Fakes;

/// <summary>
/// A hand-written <see cref="IChatClient"/> that plays a script: each streaming (or non-streaming) call with tools
/// answers with the next scripted list of contents (reasoning, tool calls, text, usage), cycling through the script
/// (so a two-step tool round trip replays on every chat request).
/// Calls without tools (the query rewrite) answer <see cref="RewriteReply"/>. Every request is recorded, so tests
/// can assert exactly what the model received. Wrap it with <c>UseFunctionInvocation()</c> to run tool calls.
/// </summary>
public sealed class ScriptedChatClient(params IReadOnlyList<AIContent>[] turns) : IChatClient
{
    private readonly Lock gate = new();
    private int next;

    /// <summary>Reply to calls without tools (the follow-up rewrite); null throws, as a model without rewrite skill would.</summary>
    public string? RewriteReply { get; set; } = "standalone query";

    /// <summary>Messages of every call, in order.</summary>
    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

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
                contents = turns[next % turns.Length];
                next++;
            }
        }

        foreach (var content in contents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ChatResponseUpdate(ChatRole.Assistant, [content]) { ModelId = ModelId };
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
