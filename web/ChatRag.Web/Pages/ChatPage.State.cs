namespace ChatRag.Web.Pages;

/// <content>How the chat page follows the shared state: the collection shown, and the first-run view of an empty one.</content>
public partial class ChatPage
{
    // An empty collection with nothing on screen gets the first-run view; the first upload (or a conversation from
    // history) hands over to the chat.
    private bool FirstRun => State.IsEmptyCollection && answers.Count == 0 && !loading && ConversationId is null;

    // Switching collections (or renaming one) changes what the page says, even with no conversation open.
    private void OnStateChanged() => InvokeAsync(StateHasChanged);
}
