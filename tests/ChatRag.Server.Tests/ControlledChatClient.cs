using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace ChatRag.Server.Tests;

/// <summary>
/// A hand-written <see cref="IChatClient"/> whose stream a test sets per call (<see cref="Script"/>), and which keeps
/// the cancellation token of the last streaming call so a test can see whether the server cancelled the decode loop.
/// </summary>
internal sealed class ControlledChatClient : IChatClient
{
    public Func<CancellationToken, IAsyncEnumerable<string>> Script { get; set; } = Texts("No script.");

    public CancellationToken LastToken { get; private set; }

    public TaskCompletionSource Cancelled { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Func<CancellationToken, IAsyncEnumerable<string>> Texts(params string[] pieces) => _ => pieces.ToAsyncEnumerable();

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        LastToken = cancellationToken;
        Cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelled = Cancelled;
        using var registration = cancellationToken.Register(() => cancelled.TrySetResult());
        await foreach (var text in Script(cancellationToken).WithCancellation(cancellationToken))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, text) { ModelId = "controlled" };
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
