using ChatRag.Contracts.Collections;
using ChatRag.Contracts.Health;
using ChatRag.Web.Api;

namespace ChatRag.Web.State;

/// <summary>What the whole page shares: server status (models), the collections, the chosen one, list refreshes.</summary>
public sealed partial class AppState(IChatRagApi api, IBrowserStorage storage)
{
    /// <summary>Raised when the status, collection or conversation list changed.</summary>
    public event Action? Changed;

    /// <summary>The last status read from the server, or null before the first read.</summary>
    public ServerStatus? Status { get; private set; }

    /// <summary>The error of the last status read, if it failed.</summary>
    public ApiProblem? StatusError { get; private set; }

    /// <summary>The collections the caller may see, as the server last listed them.</summary>
    public IReadOnlyList<CollectionItem> Collections { get; private set; } = [];

    /// <summary>The collection chats and uploads go to (its permanent name).</summary>
    public string Collection { get; private set; } = "default";

    /// <summary>The chosen collection as the server describes it, or null before the first read.</summary>
    public CollectionItem? Current => Collections.FirstOrDefault(c => c.Name == Collection);

    /// <summary>What people call the chosen collection.</summary>
    public string CollectionDisplayName => DisplayName(Collection);

    /// <summary>True once the collections are read and the chosen one holds no document.</summary>
    public bool IsEmptyCollection => Current is { Documents: 0 };

    /// <summary>What people call <paramref name="collection"/> (its display name, else its name).</summary>
    public string DisplayName(string collection) => Collections.FirstOrDefault(c => c.Name == collection)?.DisplayName ?? collection;

    /// <summary>Incremented whenever conversations were added or removed, so the sidebar reloads.</summary>
    public int ConversationsVersion { get; private set; }

    /// <summary>Reads the server status, the collections and the remembered choice.</summary>
    public async Task LoadAsync()
    {
        try
        {
            Status = await api.GetStatusAsync();
            Collections = await api.ListCollectionsAsync();
            StatusError = null;

            // A remembered collection that was deleted meanwhile (elsewhere, or by another key) falls back to the default.
            var remembered = await storage.GetCollectionAsync();
            Collection = remembered is { Length: > 0 } && Collections.Any(c => c.Name == remembered) ? remembered : Status.DefaultCollection;
        }
        catch (ApiException e)
        {
            StatusError = e.Problem;
        }

        Changed?.Invoke();
    }

    /// <summary>Reads the collections again (document counts change with uploads and deletes).</summary>
    public async Task RefreshCollectionsAsync()
    {
        try
        {
            Collections = await api.ListCollectionsAsync();
        }
        catch (ApiException e)
        {
            StatusError = e.Problem;
        }

        Changed?.Invoke();
    }

    /// <summary>Switches to an existing collection.</summary>
    public async Task SetCollectionAsync(string collection)
    {
        var name = collection.Trim();
        if (name.Length == 0 || name == Collection)
        {
            return;
        }

        Collection = name;
        await storage.SetCollectionAsync(name);
        Changed?.Invoke();
    }

    /// <summary>Raised when the user asks for a new conversation (the chat clears even if the address is unchanged).</summary>
    public event Action? NewConversationRequested;

    /// <summary>Starts a new conversation.</summary>
    public void StartNewConversation() => NewConversationRequested?.Invoke();

    /// <summary>Documents chosen with "Ask about these", waiting for the chat page to start a conversation about them.</summary>
    public IReadOnlyList<ChosenDocument> PendingChoice { get; private set; } = [];

    /// <summary>Starts a new conversation scoped to <paramref name="documents"/> (the chat page takes them as chips).</summary>
    public void AskAbout(IReadOnlyList<ChosenDocument> documents)
    {
        PendingChoice = documents;
        NewConversationRequested?.Invoke();
    }

    /// <summary>The pending choice, once: a later new conversation starts over the whole collection again.</summary>
    public IReadOnlyList<ChosenDocument> TakePendingChoice()
    {
        var choice = PendingChoice;
        PendingChoice = [];
        return choice;
    }

    /// <summary>Tells the sidebar to reload the conversation list.</summary>
    public void ConversationsChanged()
    {
        ConversationsVersion++;
        Changed?.Invoke();
    }
}
