using System.Runtime.CompilerServices;

namespace ChatRag.Chat.Orchestration;

public sealed partial class ChatOrchestrator
{
    /// <summary>
    /// Answers as a stream of typed events (see <see cref="ChatTurnEvent"/> for their order); the server names and shapes them for the wire.
    /// Throws <see cref="ConversationNotFoundException"/> before the first event for an unknown or foreign conversation.
    /// The registered <see cref="IChatTurnObserver"/> hears how the turn ended once it has fully unwound.
    /// </summary>
    public async IAsyncEnumerable<ChatTurnEvent> StreamAsync(ChatTurn turn, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var completed = false;
        try
        {
            // The inner iterator is disposed (its finally blocks and any store they do have run) before this finally.
            await foreach (var e in StreamTurnAsync(turn, cancellationToken).ConfigureAwait(false))
            {
                completed |= e is TurnCompleted;
                yield return e;
            }
        }
        finally
        {
            observer?.TurnEnded(turn, completed ? ChatTurnOutcome.Completed
                : cancellationToken.IsCancellationRequested ? ChatTurnOutcome.Cancelled : ChatTurnOutcome.Failed);
        }
    }
}
