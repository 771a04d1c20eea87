namespace ChatRag.Chat.Orchestration;

/// <summary>How a chat turn ended, as <see cref="IChatTurnObserver"/> sees it once the turn has finished unwinding.</summary>
public enum ChatTurnOutcome
{
    /// <summary>The <c>done</c> event was produced (and a stored conversation was written).</summary>
    Completed,

    /// <summary>The caller cancelled (for example, the client disconnected) before <c>done</c>.</summary>
    Cancelled,

    /// <summary>An exception ended the turn, or the caller stopped reading before <c>done</c>.</summary>
    Failed,
}
