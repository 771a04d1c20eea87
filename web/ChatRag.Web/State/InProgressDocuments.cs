using ChatRag.Contracts.Documents;
using ChatRag.Web.Api;

namespace ChatRag.Web.State;

/// <summary>
/// Follows the documents still queued or processing by asking about each (<c>GET /api/v1/documents/{id}</c>) instead of
/// reading the whole list again: a large collection is many pages, and reading them all every second to follow one
/// upload was most of a page's traffic. The documents page and the chat page's upload panel both poll with it, through
/// <see cref="InProgressPoller"/>.
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
    /// answers are in; a 404 means deleted meanwhile and drops the document. Another API error ends the tick: that
    /// document and the ones not yet asked keep their last status until the next tick, where the failed one is asked
    /// after the others. Cancellation is thrown.
    /// </summary>
    /// <param name="api">The client to ask.</param>
    /// <param name="current">The caller's list now: read before and after the requests, since an upload may refresh it while they are out.</param>
    /// <param name="failing">The documents whose reading failed on an earlier tick and has not been answered since (<see cref="InProgressRefresh.Failing"/>).</param>
    /// <param name="cancellationToken">Ends the tick when the page is left.</param>
    public static async Task<InProgressRefresh> RefreshAsync(
        IChatRagApi api, Func<IReadOnlyList<DocumentDetails>> current, IReadOnlySet<Guid> failing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(failing);
        var before = current();
        var due = before.Where(InProgress)
            .OrderBy(d => failing.Contains(d.Id) ? 1 : 0)
            .ThenBy(d => d.Status == "processing" ? 0 : 1)
            .ThenBy(d => d.CreatedAt)
            .Take(MaxPerTick)
            .ToList();
        var fresh = new Dictionary<Guid, DocumentDetails?>();
        var failed = new HashSet<Guid>(failing);
        ApiProblem? problem = null;
        foreach (var document in due)
        {
            try
            {
                fresh[document.Id] = await api.GetDocumentAsync(document.Id, cancellationToken);
                failed.Remove(document.Id);
            }
            catch (ApiException e) when (e.Problem.Status == 404)
            {
                fresh[document.Id] = null;
                failed.Remove(document.Id);
            }
            catch (ApiException e)
            {
                // Most likely the server is down, and every other request would fail the same way (while it is down, a
                // tick would be one failed request per document in progress, every second). The rest wait for the next
                // tick; this document goes behind them there, so one the server always fails on does not stop them.
                problem = e.Problem;
                failed.Add(document.Id);
                break;
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
        failed.IntersectWith(merged.Where(InProgress).Select(d => d.Id));
        return new InProgressRefresh(merged, fresh.ContainsValue(null), problem, failed);
    }
}
