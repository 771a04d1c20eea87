using ChatRag.Contracts.Health;
using ChatRag.Web.Api;

namespace ChatRag.Web.State;

/// <summary>What the whole page shares: server status (models, collections), the chosen collection, list refreshes.</summary>
public sealed class AppState(IChatRagApi api, IBrowserStorage storage)
{
    private readonly HashSet<string> newCollections = new(StringComparer.Ordinal);

    /// <summary>Raised when the status, collection or conversation list changed.</summary>
    public event Action? Changed;

    /// <summary>The last status read from the server, or null before the first read.</summary>
    public ServerStatus? Status { get; private set; }

    /// <summary>The error of the last status read, if it failed.</summary>
    public ApiProblem? StatusError { get; private set; }

    /// <summary>The collection chats and uploads go to.</summary>
    public string Collection { get; private set; } = "default";

    /// <summary>True while the chosen collection was only named here and nothing was uploaded to it yet.</summary>
    public bool IsNewCollection => newCollections.Contains(Collection);

    /// <summary>True when <paramref name="collection"/> was only named here and nothing was uploaded to it yet.</summary>
    public bool IsNew(string collection) => newCollections.Contains(collection);

    /// <summary>Notes that the chosen collection now holds documents on the server (it is no longer shown as new).</summary>
    public void CollectionCreated()
    {
        if (newCollections.Remove(Collection))
        {
            Changed?.Invoke();
        }
    }

    /// <summary>Incremented whenever conversations were added or removed, so the sidebar reloads.</summary>
    public int ConversationsVersion { get; private set; }

    /// <summary>Reads the server status and the remembered collection.</summary>
    public async Task LoadAsync()
    {
        try
        {
            Status = await api.GetStatusAsync();
            StatusError = null;
            var remembered = await storage.GetCollectionAsync();

            // A collection added with "New collection" exists on the server only after its first upload; the name is
            // remembered in local storage, so it survives a reload until then (shown as new and empty).
            Collection = remembered is { Length: > 0 } ? remembered : Status.DefaultCollection;
            if (!Status.Collections.Contains(Collection))
            {
                newCollections.Add(Collection);
                Status = Status with { Collections = [.. Status.Collections, Collection] };
            }
        }
        catch (ApiException e)
        {
            StatusError = e.Problem;
        }

        Changed?.Invoke();
    }

    /// <summary>Switches the collection (a new name is created on the first upload to it).</summary>
    public async Task SetCollectionAsync(string collection)
    {
        var name = collection.Trim();
        if (name.Length == 0 || name == Collection)
        {
            return;
        }

        Collection = name;
        if (Status is not null && !Status.Collections.Contains(name))
        {
            newCollections.Add(name);
            Status = Status with { Collections = [.. Status.Collections, name] };
        }

        await storage.SetCollectionAsync(name);
        Changed?.Invoke();
    }

    /// <summary>Raised when the user asks for a new conversation (the chat clears even if the address is unchanged).</summary>
    public event Action? NewConversationRequested;

    /// <summary>Starts a new conversation.</summary>
    public void StartNewConversation() => NewConversationRequested?.Invoke();

    /// <summary>Tells the sidebar to reload the conversation list.</summary>
    public void ConversationsChanged()
    {
        ConversationsVersion++;
        Changed?.Invoke();
    }
}
