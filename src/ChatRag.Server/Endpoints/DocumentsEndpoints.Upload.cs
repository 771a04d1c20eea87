using ChatRag.Contracts.Documents;
using ChatRag.Ingestion;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Pipeline;
using ChatRag.Server.Configuration;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Endpoints;

/// <content>Upload: the multipart body is streamed file by file to disk; each file is checked, stored and queued on its own.</content>
public static partial class DocumentsEndpoints
{
    /// <remarks>
    /// One file: a refusal is the whole answer (413 too large, 415 unknown type, 422 empty or unreadable, 409 already in
    /// the collection, with the existing id in <c>existingId</c>). Several files: 202 with one entry per file, refused ones
    /// as <c>rejected</c> (with <c>error</c> and <c>statusCode</c>) and duplicates as <c>duplicate</c> with the existing id,
    /// so one bad file never costs the others. A request over <c>ChatRag:Limits:MaxUploadBytes</c> in total is a 413 as
    /// soon as the limit is crossed, and so is one with more than <c>ChatRag:Limits:MaxFilesPerUpload</c> files; nothing of
    /// either is kept.
    /// </remarks>
    private static async Task<Results<Accepted<IReadOnlyList<UploadedDocument>>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, DocumentUploader uploader, CallerScope scope, IOptions<RequestLimitsOptions> limits, CancellationToken cancellationToken)
    {
        if (!TryGetBoundary(request, out var boundary))
        {
            return TypedResults.Problem("Send the files as multipart/form-data in the field 'file'.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Files are staged (streamed to temporary names) and queued only at the end, because the 'collection' field may
        // come before or after them in the body.
        var staged = new List<(string FileName, StagedUpload? File, DocumentRejectedException? Error)>();
        try
        {
            var read = await ReadMultipartAsync(request, boundary, uploader, scope, limits.Value, staged, cancellationToken);
            if (read.Problem is { } problem)
            {
                return problem;
            }

            var collection = string.IsNullOrWhiteSpace(read.Collection) ? scope.DefaultCollection : read.Collection.Trim();
            if (!scope.MaySee(collection))
            {
                return Forbidden(collection);
            }

            if (collection.Length > 200)
            {
                return TypedResults.Problem("A collection name has at most 200 characters.", statusCode: StatusCodes.Status400BadRequest);
            }

            if (staged.Count == 0)
            {
                return TypedResults.Problem("No file was sent: use the multipart field 'file' (it may repeat).", statusCode: StatusCodes.Status400BadRequest);
            }

            var results = new List<UploadedDocument>(staged.Count);
            foreach (var (fileName, file, error) in staged)
            {
                if (file is null)
                {
                    results.Add(new UploadedDocument(Guid.Empty, FileNameSanitizer.ToDisplayName(fileName), "rejected", error!.Message, error.SuggestedStatusCode));
                    continue;
                }

                var outcome = await uploader.CommitAsync(file, collection, cancellationToken);
                results.Add(new UploadedDocument(outcome.Id, outcome.Name, outcome.Status));
            }

            return Answer(results, collection);
        }
        finally
        {
            // Committed files were moved into place; this removes only what was never queued.
            foreach (var (_, file, _) in staged)
            {
                file?.Dispose();
            }
        }
    }

    private static Results<Accepted<IReadOnlyList<UploadedDocument>>, ProblemHttpResult> Answer(List<UploadedDocument> results, string collection)
    {
        if (results.Count == 1 && results[0] is { Status: "rejected" } rejected)
        {
            return TypedResults.Problem(rejected.Error, statusCode: rejected.StatusCode, title: "File refused");
        }

        if (results.Count == 1 && results[0] is { Status: UploadOutcome.DuplicateStatus } duplicate)
        {
            return TypedResults.Problem(
                $"The collection '{collection}' already holds the same content as document {duplicate.Id}.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Duplicate content",
                extensions: new Dictionary<string, object?> { ["existingId"] = duplicate.Id });
        }

        var first = results.FirstOrDefault(r => r.Status == "queued");
        var location = first is null ? "/api/v1/documents" : $"/api/v1/documents/{first.Id}";
        return TypedResults.Accepted<IReadOnlyList<UploadedDocument>>(location, results);
    }
}
