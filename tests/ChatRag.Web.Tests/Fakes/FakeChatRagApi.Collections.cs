using ChatRag.Contracts.Collections;
using ChatRag.Web.Api;

namespace ChatRag.Web.Tests.Fakes;

/// <content>Collections kept in a list, as the server would: created, renamed (display name) and deleted.</content>
internal sealed partial class FakeChatRagApi
{
    /// <summary>The server's collections; by default one "default" collection that holds a document.</summary>
    public List<CollectionItem> Collections { get; } = [new("default", "default", null, 1, DateTimeOffset.UnixEpoch)];

    public List<string> DeletedCollections { get; } = [];

    public Task<IReadOnlyList<CollectionItem>> ListCollectionsAsync(CancellationToken cancellationToken = default) =>
        Answer<IReadOnlyList<CollectionItem>>(Collections.ToList());

    public Task<CollectionItem> CreateCollectionAsync(CreateCollection request, CancellationToken cancellationToken = default)
    {
        if (Collections.Any(c => c.Name == request.Name))
        {
            return Task.FromException<CollectionItem>(new ApiException(new ApiProblem(409, "Collection exists", $"A collection named '{request.Name}' already exists.")));
        }

        var created = new CollectionItem(request.Name!, request.DisplayName ?? request.Name!, request.Description, 0, DateTimeOffset.UnixEpoch);
        Collections.Add(created);
        return Answer(created);
    }

    public Task<CollectionItem> UpdateCollectionAsync(string name, UpdateCollection request, CancellationToken cancellationToken = default)
    {
        var index = Collections.FindIndex(c => c.Name == name);
        Collections[index] = Collections[index] with { DisplayName = request.DisplayName ?? Collections[index].DisplayName };
        return Answer(Collections[index]);
    }

    public Task DeleteCollectionAsync(string name, CancellationToken cancellationToken = default)
    {
        DeletedCollections.Add(name);
        Collections.RemoveAll(c => c.Name == name && c.Name != "default");
        return Answer(0);
    }
}
