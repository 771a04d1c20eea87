using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;

namespace ChatRag.Web.State;

/// <summary>
/// Follows the documents still queued or processing by asking about each (<c>GET /api/v1/documents/{id}</c>) instead of
/// reading the whole list again: a large collection is many pages, and reading them all every second to follow one
/// upload was most of a page's traffic. The documents page and the chat page's upload panel both poll with it.
/// </summary>
public static class InProgressDocuments
{
    /// <summary>
    /// The most documents one tick asks about. A batch upload queues many at once, but the worker takes them one after
    /// another, so the ones processing and the oldest queued (next in line) are the ones whose status moves.
    /// </summary>
    public const int MaxPerTick = 8;

    /// <summary>Whether the document's status can still change without anyone asking for it.</summary>
    public static bool InProgress(DocumentDetails document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Status is "queued" or "processing";
    }

    /// <summary>
    /// Reads the due documents of <paramref name="current"/> again and merges them into the list as it is when the
    /// answers are in; a 404 means deleted meanwhile and drops the document. Another API error leaves that document as it was
    /// (the first such problem is returned) and the tick goes on; cancellation is thrown.
    /// </summary>
    /// <param name="api">The client to ask.</param>
    /// <param name="current">The caller's list now: read before and after the requests, since an upload may refresh it while they are out.</param>
    /// <param name="cancellationToken">Ends the tick when the page is left.</param>
    public static async Task<InProgressRefresh> RefreshAsync(IChatRagApi api, Func<IReadOnlyList<DocumentDetails>> current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(current);
        var before = current();
        var due = before.Where(InProgress)
            .OrderBy(d => d.Status == "processing" ? 0 : 1)
            .ThenBy(d => d.CreatedAt)
            .Take(MaxPerTick)
            .ToList();
        var fresh = new Dictionary<Guid, DocumentDetails?>();
        ApiProblem? problem = null;
        foreach (var document in due)
        {
            try
            {
                fresh[document.Id] = await api.GetDocumentAsync(document.Id, cancellationToken);
            }
            catch (ApiException e) when (e.Problem.Status == 404)
            {
                fresh[document.Id] = null;
            }
            catch (ApiException e)
            {
                // One document the server fails on must not stop the others from being followed: it would be first
                // in line on every tick. The first problem is reported; the rest of the tick goes on.
                problem ??= e.Problem;
            }
        }

        // Merged into the list as it is now, but only over the entries this tick read: a full refresh while the requests
        // were out (an upload, a re-index) made new records, and those are newer than what this tick read.
        var asked = new Dictionary<Guid, DocumentDetails>();
        foreach (var document in due)
        {
            asked.TryAdd(document.Id, document);
        }

        IReadOnlyList<DocumentDetails> merged = [.. current()
            .Select(d => fresh.TryGetValue(d.Id, out var now) && ReferenceEquals(asked.GetValueOrDefault(d.Id), d) ? now : d)
            .OfType<DocumentDetails>()];
        return new InProgressRefresh(merged, fresh.ContainsValue(null), problem);
    }
}
