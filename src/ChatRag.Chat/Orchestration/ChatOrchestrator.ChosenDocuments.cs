namespace ChatRag.Chat.Orchestration;

/// <content>
/// A stored conversation's chosen documents when some have been deleted since: they drop out of the choice instead of
/// failing the turn (the way a chat app goes on when an attached file is removed), and the trace says so.
/// </content>
public sealed partial class ChatOrchestrator
{
    /// <summary>
    /// The documents this turn answers from, less those of the stored choice that no longer exist in the conversation's
    /// collection, and the ones that were dropped. Only ids the conversation already held are forgiven: an unknown id
    /// the request adds is a new choice, and retrieval still refuses it as unknown (404). When the whole choice is gone
    /// the turn falls back to the whole collection, which is also what a conversation without chips shows.
    /// </summary>
    private async Task<(IReadOnlyList<Guid> Chosen, IReadOnlyList<Guid> Dropped)> ChooseDocumentsAsync(
        ChatTurn turn, IReadOnlyList<Guid> stored, CancellationToken cancellationToken)
    {
        var requested = turn.Documents ?? stored;
        if (stored.Count == 0 || requested.Count == 0 || repository is null)
        {
            return (requested, []);
        }

        var found = await repository.GetDocumentCollectionsAsync(stored, cancellationToken).ConfigureAwait(false);
        var gone = stored.Where(id => !found.TryGetValue(id, out var collection) || collection != turn.Collection).ToHashSet();
        if (gone.Count == 0)
        {
            return (requested, []);
        }

        return ([.. requested.Where(id => !gone.Contains(id))], [.. requested.Where(gone.Contains).Distinct()]);
    }

    /// <summary>The trace note for documents that dropped out of the choice, before any note on how the turn answered.</summary>
    private static string? DroppedNote(IReadOnlyList<Guid> dropped, int remaining, string? note)
    {
        if (dropped.Count == 0)
        {
            return note;
        }

        var which = dropped.Count == 1 ? $"A chosen document ({dropped[0]}) was" : $"{dropped.Count} chosen documents ({string.Join(", ", dropped)}) were";
        var said = remaining == 0
            ? $"{which} deleted and none is left, so this conversation now answers from the whole collection."
            : $"{which} deleted and dropped from this conversation's choice; answered from the {remaining} still chosen.";
        return note is null ? said : $"{said} {note}";
    }
}
