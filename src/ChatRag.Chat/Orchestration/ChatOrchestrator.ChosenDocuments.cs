using ChatRag.Core.Retrieval;

namespace ChatRag.Chat.Orchestration;

/// <content>
/// A stored conversation's chosen documents when some have been deleted since: they drop out of the choice instead of
/// failing the turn (the way a chat app goes on when an attached file is removed), and the trace says so.
/// </content>
public sealed partial class ChatOrchestrator
{
    /// <summary>
    /// Searches the documents this turn answers from, and returns them with those that dropped out. Ids the request
    /// names must exist in the collection (the searcher's check: unknown is a 404), so an explicit choice never widens to
    /// the whole collection. Only the stored choice a follow-up carries over (no ids named) is forgiven: its deleted
    /// documents drop out, and when none is left the turn answers from the whole collection, which is also what a
    /// conversation without chips shows. The searcher checks the choice once; the collection lookup that finds what
    /// was deleted runs only when it refused one. Another chosen document can be deleted between that lookup and the
    /// search over the rest: the search is refused again, and the lookup runs again. Each round drops at least one id,
    /// so there are at most as many rounds as stored ids.
    /// </summary>
    private async Task<(SearchResponse Search, IReadOnlyList<Guid> Chosen, IReadOnlyList<Guid> Dropped)> SearchChosenAsync(
        ChatTurn turn, IReadOnlyList<Guid> stored, string query, int top, CancellationToken cancellationToken)
    {
        var chosen = turn.Documents ?? stored;
        var dropped = new List<Guid>();
        while (true)
        {
            try
            {
                return (await SearchAsync(chosen).ConfigureAwait(false), chosen, dropped);
            }
            catch (UnknownDocumentException) when (turn.Documents is null && repository is not null && chosen.Count > 0)
            {
                var found = await repository.GetDocumentCollectionsAsync(chosen, cancellationToken).ConfigureAwait(false);
                var gone = chosen.Where(id => !found.TryGetValue(id, out var collection) || collection != turn.Collection).Distinct().ToList();
                if (gone.Count == 0)
                {
                    throw; // refused for a reason other than a deletion this lookup can see
                }

                dropped.AddRange(gone);
                chosen = [.. chosen.Where(id => !gone.Contains(id))];
            }
        }

        Task<SearchResponse> SearchAsync(IReadOnlyList<Guid> documents) =>
            searcher.SearchAsync(new SearchRequest(query, [turn.Collection], top) { Documents = documents }, cancellationToken);
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
