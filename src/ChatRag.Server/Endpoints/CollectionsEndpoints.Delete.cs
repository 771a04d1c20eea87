using System.ComponentModel;
using ChatRag.Core.Collections;
using ChatRag.Core.Indexing;
using ChatRag.Core.Ingestion;
using ChatRag.Ingestion.Pipeline;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Endpoints;

/// <content>
/// Deleting a collection: nothing is undoable here, so the request must repeat the name in <c>confirm</c>. Documents go
/// one by one the way a document delete does (row, then vectors, then stored file), then the collection row with its
/// conversations in one transaction.
/// </content>
public static partial class CollectionsEndpoints
{
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        [Description("The collection's permanent name (not its display name).")] string name,
        [Description("Must repeat the collection's name; without it the delete is refused with 400 and nothing changes.")] string? confirm, ICollectionCatalog catalog, IIngestionJobStore store, IVectorIndex vectors,
        IOptions<IngestionPipelineOptions> options, CallerScope scope, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, catalog, scope, cancellationToken) is not { } found)
        {
            return NotFound(name);
        }

        if (!string.Equals(confirm, found.Name, StringComparison.Ordinal))
        {
            return TypedResults.Problem(
                $"Deleting collection '{found.Name}' removes its {found.Documents} document(s) and its conversations for good. Repeat its name in 'confirm' (?confirm={Uri.EscapeDataString(found.Name)}) to go ahead.",
                statusCode: StatusCodes.Status400BadRequest,
                title: "Confirmation required");
        }

        foreach (var document in await store.ListAsync(found.Name, cancellationToken))
        {
            if (await store.DeleteAsync(document.Id, cancellationToken) is { } removed)
            {
                await DocumentsEndpoints.RemoveIndexedAsync(removed, vectors, options.Value, cancellationToken);
            }
        }

        return await catalog.DeleteAsync(found.Name, cancellationToken) ? TypedResults.NoContent() : NotFound(name);
    }
}
