namespace ChatRag.Chat.Orchestration;

/// <summary>
/// Told when a chat turn has completely finished: every <c>finally</c> of the turn has run, so whatever it was going
/// to store is stored. Optional (register one in DI); called on the thread that ended the turn and must not throw.
/// Tests use it to check what a cancelled turn left behind without guessing when the unwinding is over.
/// </summary>
public interface IChatTurnObserver
{
    /// <summary>The turn <paramref name="turn"/> ended with <paramref name="outcome"/>.</summary>
    void TurnEnded(ChatTurn turn, ChatTurnOutcome outcome);
}
