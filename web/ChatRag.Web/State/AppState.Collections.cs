using ChatRag.Contracts.Collections;

namespace ChatRag.Web.State;

/// <content>Creating, renaming and deleting collections; each throws <see cref="Api.ApiException"/> with the server's reason.</content>
public sealed partial class AppState
{
    /// <summary>Creates a collection on the server and switches to it; its permanent name is what the person typed.</summary>
    public async Task CreateCollectionAsync(string name)
    {
        var created = await api.CreateCollectionAsync(new CreateCollection(name.Trim()));
        Collections = [.. Collections, created];
        await SetCollectionAsync(created.Name);
        Changed?.Invoke();
    }

    /// <summary>Gives the chosen collection a new display name (its permanent name, used by everything stored, stays).</summary>
    public async Task RenameCollectionAsync(string displayName)
    {
        var renamed = await api.UpdateCollectionAsync(Collection, new UpdateCollection(displayName.Trim()));
        Collections = Collections.Select(c => c.Name == renamed.Name ? renamed : c).ToList();
        Changed?.Invoke();
    }

    /// <summary>Deletes the chosen collection with everything in it and goes back to the default one.</summary>
    public async Task DeleteCollectionAsync()
    {
        await api.DeleteCollectionAsync(Collection);
        Collection = Status?.DefaultCollection ?? "default";
        await storage.SetCollectionAsync(Collection);
        ConversationsVersion++;
        await RefreshCollectionsAsync();
    }
}
