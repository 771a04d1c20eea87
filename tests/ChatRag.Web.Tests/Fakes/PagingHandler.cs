using System.Net;
using System.Text;
using System.Text.Json;
using ChatRag.Contracts.Collections;
using ChatRag.Contracts.Documents;

namespace ChatRag.Web.Tests.Fakes;

/// <summary>
/// Serves <c>GET api/v1/documents</c> in pages (the cursor is "c" + the index the next page starts at),
/// <c>GET api/v1/documents/{id}</c> (404 once <see cref="Remove"/>d), <c>GET api/v1/collections</c> and an upload (<c>POST api/v1/documents</c>, answered with <see cref="Uploaded"/>);
/// <see cref="Queries"/> records every request.
/// </summary>
internal sealed class PagingHandler(List<DocumentDetails> documents, int pageSize) : HttpMessageHandler
{
    public List<string?> Cursors { get; } = [];

    public List<string> Queries { get; } = [];

    public string? StuckCursor { get; init; }

    /// <summary>What an upload returns: the document it created (already in the list, as the server's worker sees it).</summary>
    public UploadedDocument? Uploaded { get; init; }

    /// <summary>Deletes a document: asking about it then answers 404.</summary>
    public void Remove(Guid id)
    {
        lock (documents)
        {
            documents.RemoveAll(d => d.Id == id);
        }
    }

    /// <summary>Documents whose <c>GET api/v1/documents/{id}</c> answers 500.</summary>
    public HashSet<Guid> Failing { get; } = [];

    public void Set(DocumentDetails document)
    {
        lock (documents)
        {
            documents[documents.FindIndex(d => d.Id == document.Id)] = document;
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (documents)
        {
            return Task.FromResult(request.Method == HttpMethod.Post ? Upload(request.RequestUri!) : Answer(request.RequestUri!));
        }
    }

    private HttpResponseMessage Upload(Uri uri)
    {
        Queries.Add("POST " + uri.AbsolutePath);
        return Json(new[] { Uploaded ?? throw new InvalidOperationException("This test does not upload.") });
    }

    private HttpResponseMessage Answer(Uri uri)
    {
        if (Guid.TryParse(uri.Segments[^1], out var id))
        {
            Queries.Add(uri.AbsolutePath);
            if (Failing.Contains(id))
            {
                return new HttpResponseMessage(HttpStatusCode.InternalServerError);
            }

            return documents.SingleOrDefault(d => d.Id == id) is { } document ? Json(document) : new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (uri.AbsolutePath.EndsWith("/collections", StringComparison.Ordinal))
        {
            // One collection that counts every document, as the server does whatever their status.
            Queries.Add(uri.AbsolutePath);
            return Json(new[] { new CollectionItem("default", "Default", null, documents.Count, DateTimeOffset.UnixEpoch) });
        }

        var query = uri.Query;
        Queries.Add(query);
        var cursor = query.Split(['?', '&']).FirstOrDefault(p => p.StartsWith("cursor=", StringComparison.Ordinal))?["cursor=".Length..];
        Cursors.Add(cursor);
        var start = StuckCursor is not null ? Math.Min(Queries.Count - 1, documents.Count - 1) : cursor is null ? 0 : int.Parse(cursor[1..], System.Globalization.CultureInfo.InvariantCulture);
        var page = documents.Skip(start).Take(pageSize).ToList();
        var response = Json(page);
        if (StuckCursor is not null)
        {
            response.Headers.Add("X-Next-Cursor", StuckCursor);
        }
        else if (start + pageSize < documents.Count)
        {
            response.Headers.Add("X-Next-Cursor", "c" + (start + pageSize));
        }

        return response;
    }

    private static HttpResponseMessage Json<T>(T body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web)), Encoding.UTF8, "application/json"),
    };
}
