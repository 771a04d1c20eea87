using ChatRag.Web.State;

namespace ChatRag.Web.Pages;

/// <content>
/// The chosen documents (chips) and the conversation's stored choice: which ids a turn names, and the chips of a
/// reopened conversation.
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
    /// become the conversation's choice.
    /// </summary>
    private async Task ShowChoiceAsync(IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        var names = (await Api.ListDocumentsAsync(State.Collection)).ToDictionary(d => d.Id, d => d.Name);
        chosen.AddRange(ids.Where(names.ContainsKey).Select(id => new ChosenDocument(id, names[id])));
    }
}
