using ChatRag.Web.Api;
using ChatRag.Web.State;

namespace ChatRag.Web.Pages;

/// <content>
/// The chosen documents (chips) and the conversation's stored choice: which ids a turn names, the chips of a reopened
/// conversation, the chips after a turn, and a chip whose document was deleted elsewhere.
/// </content>
public partial class ChatPage
{
    /// <summary>
    /// The chips as the request's <c>documentIds</c>, or null on a follow-up whose chips are the stored choice. The server
    /// forgives only a stored choice: one of its documents deleted since drops out of it (the done event names it),
    /// while an id the request names itself must exist (else 404), so an unchanged choice is not named again.
    /// </summary>
    private IReadOnlyList<Guid>? ChoiceToSend() =>
        conversationId is not null && chosen.Select(d => d.Id).SequenceEqual(storedChoice) ? null : [.. chosen.Select(d => d.Id)];

    /// <summary>
    /// Chips for a reopened conversation's stored choice, named from the collection's document list. A document deleted
    /// since gets no chip: the chips then differ from the stored choice, so the next turn names those left, and they
    /// become the conversation's choice. When the list cannot be read, every stored id keeps a chip (the id stands for
    /// its name) and the problem says so: no chips would read as "the whole collection", and a turn sent from there
    /// would widen the conversation's choice to it.
    /// </summary>
    private async Task<(IReadOnlyList<ChosenDocument> Chips, ApiProblem? Unnamed)> NameChoiceAsync(IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 0)
        {
            return ([], null);
        }

        try
        {
            var names = (await Api.ListDocumentsAsync(State.Collection)).ToDictionary(d => d.Id, d => d.Name);
            return ([.. ids.Where(names.ContainsKey).Select(id => new ChosenDocument(id, names[id]))], null);
        }
        catch (ApiException e)
        {
            var why = e.Problem.Detail ?? e.Problem.Title ?? "The document list could not be read.";
            return ([.. ids.Select(id => new ChosenDocument(id, id.ToString()))], new ApiProblem(e.Problem.Status,
                "The chosen documents' names could not be read",
                $"{why} The chips show the documents' ids; the conversation still answers from these documents only."));
        }
    }

    /// <summary>
    /// After a turn, the chips become the choice it used (the done event's <c>documentIds</c>), which the server stored
    /// as the conversation's choice: chips gone stale (the choice changed in another tab or over MCP, or a Stop cut off
    /// an earlier done event) catch up, and a document the server dropped (deleted) loses its chip. A chip the user
    /// removed while the answer streamed stays removed (and one added stays): that is the user's choice for the next
    /// turn, named then because it differs from the stored choice. A chip that shows its id (the names could not be read)
    /// gets its name here once the document list answers.
    /// </summary>
    private async Task FollowChoiceAsync(IReadOnlyList<Guid> used, IReadOnlyList<Guid> sent, int shown)
    {
        var names = new Dictionary<Guid, string>();
        if (used.Any(id => !chosen.Exists(d => d.Id == id) && !sent.Contains(id)) || chosen.Exists(d => Unnamed(d) && used.Contains(d.Id)))
        {
            try
            {
                foreach (var document in await Api.ListDocumentsAsync(State.Collection))
                {
                    names[document.Id] = document.Name;
                }
            }
            catch (ApiException)
            {
                // the chip shows the id instead of the name; the answer itself succeeded
            }

            if (shown != generation)
            {
                return;
            }
        }

        storedChoice = used;
        foreach (var document in chosen.Where(d => !Unnamed(d) || !names.ContainsKey(d.Id)))
        {
            names[document.Id] = document.Name;
        }

        var current = chosen.Select(d => d.Id).ToList();
        var removed = sent.Except(current).ToHashSet();
        List<Guid> wanted = [.. used.Where(id => !removed.Contains(id)), .. current.Except(sent).Except(used)];
        chosen.Clear();
        chosen.AddRange(wanted.Distinct().Select(id => new ChosenDocument(id, names.GetValueOrDefault(id) ?? id.ToString())));
    }

    // A chip whose name could not be read shows its id; the next turn's list of documents names it.
    private static bool Unnamed(ChosenDocument document) => document.Name == document.Id.ToString();

    /// <summary>
    /// A turn refused with 404 because a chip's document was deleted elsewhere (the problem's detail names its id): the
    /// chips go, the message says which documents they were, and the question goes back into the message box to be sent
    /// again. The server names only the first unknown id, so the document list is read again and every chip no longer in
    /// it goes too; else each one would cost a turn refused in its turn. When that list cannot be read, only the named
    /// chip goes. A named chip the user removed while the list was read is still named in the message (the server's own
    /// text shows only its id). Any other problem is shown as it is.
    /// </summary>
    private async Task<ApiProblem> ForgetDeletedChipsAsync(ApiProblem problem, string question, int shown)
    {
        List<ChosenDocument> named = problem is { Status: 404, Detail: { } detail }
            ? [.. chosen.Where(d => detail.Contains(d.Id.ToString(), StringComparison.OrdinalIgnoreCase))]
            : [];
        if (named.Count == 0)
        {
            return problem;
        }

        HashSet<Guid>? listed = null;
        try
        {
            listed = [.. (await Api.ListDocumentsAsync(State.Collection)).Select(d => d.Id)];
        }
        catch (ApiException)
        {
            // the named chip still goes; any other one gone is found by the next turn
        }

        if (shown != generation)
        {
            return problem; // the page moved on while the list was read: its chips are another conversation's
        }

        var gone = chosen.Where(d => named.Exists(n => n.Id == d.Id) || listed?.Contains(d.Id) == false).ToList();
        gone.InsertRange(0, named.Where(n => !gone.Exists(d => d.Id == n.Id))); // the user removed it meanwhile
        chosen.RemoveAll(gone.Contains);

        // What the user typed while the turn was refused stays; only an empty box gets the question back.
        var restored = string.IsNullOrWhiteSpace(input);
        if (restored)
        {
            input = question;
        }

        // The same 404 answers a document deleted since it was chosen and one of another collection (chips kept across
        // a switch of collection), so the text names both.
        var which = gone.Count == 1
            ? $"{gone[0].Name} is no longer in this collection (deleted, or chosen in another one), so its chip was removed."
            : $"{string.Join(", ", gone.Select(d => d.Name))} are no longer in this collection (deleted, or chosen in another one), so their chips were removed.";
        var rest = chosen.Count == 0 ? "the whole collection" : "the documents still chosen";
        var again = restored ? $"Your question is back in the message box: send it again to ask {rest}." : $"Send your question again to ask {rest}.";
        return problem with { Detail = $"{which} {again}" };
    }
}
