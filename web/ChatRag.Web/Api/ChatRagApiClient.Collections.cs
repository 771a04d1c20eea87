using System.Net.Http.Json;
using ChatRag.Contracts.Collections;

namespace ChatRag.Web.Api;

/// <content>The collections routes.</content>
public sealed partial class ChatRagApiClient
{
    /// <inheritdoc />
    public Task<IReadOnlyList<CollectionItem>> ListCollectionsAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<IReadOnlyList<CollectionItem>>("api/v1/collections", cancellationToken);

    /// <inheritdoc />
    public Task<CollectionItem> CreateCollectionAsync(CreateCollection request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CollectionItem>(HttpMethod.Post, "api/v1/collections", JsonContent.Create(request, options: Json), cancellationToken);

    /// <inheritdoc />
    public Task<CollectionItem> UpdateCollectionAsync(string name, UpdateCollection request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CollectionItem>(HttpMethod.Patch, $"api/v1/collections/{Uri.EscapeDataString(name)}", JsonContent.Create(request, options: Json), cancellationToken);

    /// <inheritdoc />
    public Task DeleteCollectionAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/collections/{Uri.EscapeDataString(name)}?confirm={Uri.EscapeDataString(name)}", null, cancellationToken);

    private async Task<T> SendJsonAsync<T>(HttpMethod method, string uri, HttpContent content, CancellationToken cancellationToken)
    {
        using var message = await CreateAsync(method, uri, content);
        using var response = await SendCoreAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ApiException($"The server sent an empty answer to {uri}.");
    }
}
