using ChatRag.Contracts.Documents;
using ChatRag.Core.Indexing;
using ChatRag.Core.Ingestion;
using ChatRag.Ingestion.Pipeline;
using System.ComponentModel;
using ChatRag.Server.Configuration;
using ChatRag.Server.OpenApi;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// <c>/api/v1/documents</c>: upload (queued for the background worker), list, inspect with progress, delete,
/// re-index and download the original. Every route is limited to the caller's collection scope; documents outside
/// it answer 404, as if they did not exist.
/// </summary>
public static partial class DocumentsEndpoints
{
    /// <summary>Maps the documents routes.</summary>
    public static IEndpointRouteBuilder MapDocumentsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/documents").WithTags("Documents");
        group.MapPost("/", UploadAsync)
            .WithName("UploadDocuments")
            .WithSummary("Upload documents")
            .WithDescription(
                "Upload one or more files as `multipart/form-data`: the field `file` (repeat it for several files) and an optional `collection`. " +
                "They are processed in the background: poll `GET /api/v1/documents/{id}` until `status` is `ready` or `failed`. " +
                "One file: a refusal is the whole answer (413 too large, 415 unknown type, 422 empty or unreadable, 409 already in the collection, with the existing id in `existingId`). " +
                "Several files: 202 with one entry per file, refused ones as `rejected` (with `error` and `statusCode`) and duplicates as `duplicate` with the existing id.")
            .Accepts<UploadForm>("multipart/form-data")
            .Produces<IReadOnlyList<UploadedDocument>>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(UploadRateLimiting.PolicyName);
        group.MapGet("/", ListAsync)
            .WithName("ListDocuments")
            .WithSummary("List documents")
            .WithDescription(
                "The documents of a collection (all visible ones when none is named), newest first, a page at a time. " +
                "When there are more, the response carries the next page's cursor in `X-Next-Cursor` and a `Link: <...>; rel=\"next\"` header.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .RequireCollectionScopeFromQuery();
        group.MapGet("/{id:guid}", GetAsync)
            .WithName("GetDocument")
            .WithSummary("Get a document")
            .WithDescription("A document's processing status, chunk count, error and progress (chunks done / total); poll it after an upload.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync)
            .WithName("DeleteDocument")
            .WithSummary("Delete a document")
            .WithDescription("Deletes a document with its chunks, lexical entries, vectors and stored original file.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/reindex", ReindexAsync)
            .WithName("ReindexDocument")
            .WithSummary("Re-index a document")
            .WithDescription("Runs the ingestion pipeline again from the stored original (for example after a model change); 409 when the document has no stored original.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/file", DownloadAsync)
            .WithName("DownloadDocument")
            .WithSummary("Download the original file")
            .WithDescription("The uploaded file as it was sent, as an attachment under its sanitised name.")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<DocumentDetails>, ProblemHttpResult>> GetAsync(
        [Description("The document id.")] Guid id, IIngestionJobStore store, CallerScope scope, CancellationToken cancellationToken)
    {
        var document = await FindAsync(id, store, scope, cancellationToken);
        return document is null ? NotFound(id) : TypedResults.Ok(ToDetails(document));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        [Description("The document id.")] Guid id, IIngestionJobStore store, IVectorIndex vectors, IOptions<IngestionPipelineOptions> options, CallerScope scope, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, store, scope, cancellationToken) is null || await store.DeleteAsync(id, cancellationToken) is not { } removed)
        {
            return NotFound(id);
        }

        // The row goes first, so a crash here leaves at worst orphan vectors/files that no search can reach (results join on chunks).
        await RemoveIndexedAsync(removed, vectors, options.Value, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>After a document's row is gone: its vectors and its stored original.</summary>
    internal static async Task RemoveIndexedAsync(DocumentInfo removed, IVectorIndex vectors, IngestionPipelineOptions options, CancellationToken cancellationToken)
    {
        await vectors.DeleteDocumentAsync(removed.Id, cancellationToken);
        if (StoredPath(removed, options) is { } path)
        {
            File.Delete(path);
        }
    }

    private static async Task<Results<Accepted<DocumentDetails>, ProblemHttpResult>> ReindexAsync(
        [Description("The document id.")] Guid id, IIngestionJobStore store, IngestionSignal signal, CallerScope scope, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, store, scope, cancellationToken) is null)
        {
            return NotFound(id);
        }

        if (!await store.RequeueAsync(id, cancellationToken))
        {
            return TypedResults.Problem(
                "This document has no stored original (it was imported, not uploaded), so it cannot be re-indexed. Upload the file instead.",
                statusCode: StatusCodes.Status409Conflict);
        }

        signal.Notify();
        var document = await store.GetAsync(id, cancellationToken);
        return TypedResults.Accepted($"/api/v1/documents/{id}", ToDetails(document!));
    }

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> DownloadAsync(
        [Description("The document id.")] Guid id, IIngestionJobStore store, IOptions<IngestionPipelineOptions> options, CallerScope scope, HttpContext http, CancellationToken cancellationToken)
    {
        var document = await FindAsync(id, store, scope, cancellationToken);
        if (document is null || StoredPath(document, options.Value) is not { } path || !File.Exists(path))
        {
            return NotFound(id);
        }

        // An uploaded page must never run in our origin: an attachment, never sniffed, under a type that renders
        // nothing active (HTML, SVG, XML become octet-stream), and sandboxed into an opaque origin should it render.
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicies.Inert;
        return TypedResults.PhysicalFile(path, OriginalFileTypes.ServedType(document.ContentType), fileDownloadName: document.Name);
    }

    private static async Task<DocumentInfo?> FindAsync(Guid id, IIngestionJobStore store, CallerScope scope, CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(id, cancellationToken);
        return document is not null && scope.MaySee(document.Collection) ? document : null;
    }

    private static string? StoredPath(DocumentInfo document, IngestionPipelineOptions options) =>
        document.StoredFile is null ? null : Path.Combine(Path.GetFullPath(options.UploadsDirectory), Path.GetFileName(document.StoredFile));

    private static DocumentDetails ToDetails(DocumentInfo d) => new(
        d.Id, d.Name, d.Collection, d.Status, d.Chunks, d.Error,
        new DocumentProgress(d.ProgressDone, d.ProgressTotal, d.Status == "processing" ? d.ProgressStage : null),
        d.SizeBytes, d.ContentType, d.CreatedAt, Timings(d.Timings));

    private static Dictionary<string, double>? Timings(string? json)
    {
        if (StageTimings.FromJson(json) is not { } t)
        {
            return null;
        }

        var result = new Dictionary<string, double>
        {
            ["readMs"] = t.ReadMs, ["parseMs"] = t.ParseMs, ["chunkMs"] = t.ChunkMs,
            ["storeMs"] = t.StoreMs, ["embedMs"] = t.EmbedMs, ["indexMs"] = t.IndexMs,
        };
        if (t.Pages is { } pages)
        {
            result["pages"] = pages;
        }

        if (t.OcrPages is { } ocrPages)
        {
            result["ocrPages"] = ocrPages;
            result["ocrMs"] = t.OcrMs ?? 0;
        }

        return result;
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem($"No document {id} is visible to this caller.", statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Forbidden(string collection) =>
        TypedResults.Problem($"This API key may not use collection '{collection}'.", statusCode: StatusCodes.Status403Forbidden);
}
