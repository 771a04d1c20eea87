using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.Documents;
using ChatRag.Contracts.Health;
using ChatRag.Web.State;
using Microsoft.AspNetCore.Components.WebAssembly.Http;

namespace ChatRag.Web.Api;

/// <summary><see cref="IChatRagApi"/> over <see cref="HttpClient"/>; sends the stored API key as <c>X-Api-Key</c>.</summary>
public sealed partial class ChatRagApiClient(HttpClient http, IBrowserStorage storage) : IChatRagApi
{
    private const string NextCursorHeader = "X-Next-Cursor";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public Task<ServerStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        GetJsonAsync<ServerStatus>("api/v1/status", cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationSummaryItem>> ListConversationsAsync(CancellationToken cancellationToken = default) =>
        (await GetJsonAsync<ConversationList>("api/v1/conversations", cancellationToken)).Conversations;

    /// <inheritdoc />
    public Task<ConversationDetail> GetConversationAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetJsonAsync<ConversationDetail>($"api/v1/conversations/{id}", cancellationToken);

    /// <inheritdoc />
    public Task DeleteConversationAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/conversations/{id}", null, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatStreamEvent> StreamChatAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var message = await CreateAsync(HttpMethod.Post, "api/v1/chat", JsonContent.Create(request with { Stream = true }, options: Json));
        message.SetBrowserResponseStreamingEnabled(true);
        using var response = await SendCoreAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        // The platform's parser: multi-line data, comments, CRLF and a missing event name (message) as the SSE spec reads them.
        await using var events = SseParser.Create(stream).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var ended = false;
        while (true)
        {
            SseItem<string> next;
            try
            {
                if (!await events.MoveNextAsync())
                {
                    break;
                }

                next = events.Current;
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                throw new ApiException("The connection to the server was lost before the answer was complete.", e);
            }

            if (Parse(next.EventType, next.Data) is { } parsed)
            {
                ended |= parsed.Name is "done" or "error";
                yield return parsed;
            }
        }

        // A stream cut off without "done" or "error" (server restart, proxy timeout) would otherwise leave a
        // half-written answer that looks finished.
        if (!ended)
        {
            yield return ChatStreamEvent.Failed(new ApiProblem(null, "Answer cut off", "The server closed the stream before the answer was complete."));
        }
    }

    /// <inheritdoc />
    /// <remarks>The server answers a page at a time; this follows <c>X-Next-Cursor</c> until the last page, so the list is whole.</remarks>
    public async Task<IReadOnlyList<DocumentDetails>> ListDocumentsAsync(string? collection, CancellationToken cancellationToken = default)
    {
        // No 'limit': the server's page size is the one its operator allowed.
        var first = string.IsNullOrEmpty(collection) ? "api/v1/documents" : $"api/v1/documents?collection={Uri.EscapeDataString(collection)}";
        var all = new List<DocumentDetails>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? cursor = null;
        do
        {
            var uri = cursor is null ? first : $"{first}{(first.Contains('?', StringComparison.Ordinal) ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}";
            using var message = await CreateAsync(HttpMethod.Get, uri, null);
            using var response = await SendCoreAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
            all.AddRange(await response.Content.ReadFromJsonAsync<List<DocumentDetails>>(Json, cancellationToken) ?? []);
            cursor = response.Headers.TryGetValues(NextCursorHeader, out var values) ? values.FirstOrDefault() : null;
        }
        while (cursor is { Length: > 0 } && seen.Add(cursor)); // a cursor seen before would loop forever: stop there

        return all;
    }

    /// <inheritdoc />
    public Task<DocumentDetails> GetDocumentAsync(Guid id, CancellationToken cancellationToken = default) =>
        GetJsonAsync<DocumentDetails>($"api/v1/documents/{id}", cancellationToken);

    /// <inheritdoc />
    public async Task<UploadedDocument> UploadAsync(UploadFile file, string collection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(file.OpenRead());
        if (!string.IsNullOrEmpty(file.ContentType))
        {
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
        }

        form.Add(content, "file", file.Name);
        form.Add(new StringContent(collection), "collection");
        using var message = await CreateAsync(HttpMethod.Post, "api/v1/documents", form);
        using var response = await SendCoreAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var uploaded = await response.Content.ReadFromJsonAsync<List<UploadedDocument>>(Json, cancellationToken);
        return uploaded is { Count: > 0 } ? uploaded[0] : throw new ApiException("The server accepted the upload but returned no document.");
    }

    /// <inheritdoc />
    public Task DeleteDocumentAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/v1/documents/{id}", null, cancellationToken);

    /// <inheritdoc />
    public Task ReindexDocumentAsync(Guid id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/v1/documents/{id}/reindex", null, cancellationToken);

    /// <summary>Reads a problem details body (or describes the status when the body is something else).</summary>
    internal static async Task<ApiProblem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<ApiProblem>(Json, cancellationToken);
            if (problem is { Title: not null } or { Detail: not null })
            {
                return problem with { Status = problem.Status ?? status };
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, for example): fall through to a message made from the status.
        }
        catch (NotSupportedException)
        {
            // No or unknown content type.
        }

        return new ApiProblem(status, response.ReasonPhrase ?? ((HttpStatusCode)status).ToString(), null);
    }

    private static ChatStreamEvent? Parse(string name, string data) => name switch
    {
        "thought" => ChatStreamEvent.Thought(JsonSerializer.Deserialize<TextChunkEvent>(data, Json)?.Text ?? string.Empty),
        "delta" => ChatStreamEvent.Delta(JsonSerializer.Deserialize<TextChunkEvent>(data, Json)?.Text ?? string.Empty),
        "tool" => JsonSerializer.Deserialize<TraceToolCall>(data, Json) is { } call ? ChatStreamEvent.ToolCall(call) : null,
        "citation" => JsonSerializer.Deserialize<ChatCitation>(data, Json) is { } citation ? ChatStreamEvent.Cited(citation) : null,
        "done" => JsonSerializer.Deserialize<ChatResponse>(data, Json) is { } done ? ChatStreamEvent.Completed(done) : null,
        "error" => ChatStreamEvent.Failed(JsonSerializer.Deserialize<ApiProblem>(data, Json) ?? new ApiProblem(500, "Unexpected error", null)),
        _ => null, // unknown events are ignored so the server can add new ones
    };

    private async Task<T> GetJsonAsync<T>(string uri, CancellationToken cancellationToken)
    {
        using var message = await CreateAsync(HttpMethod.Get, uri, null);
        using var response = await SendCoreAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ApiException($"The server sent an empty answer to {uri}.");
    }

    private async Task SendAsync(HttpMethod method, string uri, HttpContent? content, CancellationToken cancellationToken)
    {
        using var message = await CreateAsync(method, uri, content);
        using var response = await SendCoreAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private async Task<HttpRequestMessage> CreateAsync(HttpMethod method, string uri, HttpContent? content)
    {
        var message = new HttpRequestMessage(method, uri) { Content = content };
        if (await storage.GetApiKeyAsync() is { Length: > 0 } key)
        {
            message.Headers.Add("X-Api-Key", key);
        }

        return message;
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage message, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, completion, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ApiException("The server cannot be reached. Check that it is running and try again.", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new ApiException(await ReadProblemAsync(response, cancellationToken));
        }
    }
}
