using ChatRag.Contracts.Documents;
using ChatRag.Ingestion;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Pipeline;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatRag.Server.Endpoints;

/// <content>Upload: each file is checked, stored and queued on its own.</content>
public static partial class DocumentsEndpoints
{
    /// <remarks>
    /// One file: a refusal is the whole answer (413 too large, 415 unknown type, 422 empty or unreadable, 409 already in
    /// the collection, with the existing id in <c>existingId</c>). Several files: 202 with one entry per file, refused ones
    /// as <c>rejected</c> (with <c>error</c> and <c>statusCode</c>) and duplicates as <c>duplicate</c> with the existing id,
    /// so one bad file never costs the others.
    /// </remarks>
    private static async Task<Results<Accepted<IReadOnlyList<UploadedDocument>>, ProblemHttpResult>> UploadAsync(
        HttpRequest request, DocumentUploader uploader, CallerScope scope, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.Problem("Send the files as multipart/form-data in the field 'file'.", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var collection = form.TryGetValue("collection", out var named) && !string.IsNullOrWhiteSpace(named.ToString())
            ? named.ToString().Trim()
            : scope.DefaultCollection;
        if (!scope.MaySee(collection))
        {
            return Forbidden(collection);
        }

        if (collection.Length > 200)
        {
            return TypedResults.Problem("A collection name has at most 200 characters.", statusCode: StatusCodes.Status400BadRequest);
        }

        var files = form.Files.GetFiles("file");
        if (files.Count == 0)
        {
            return TypedResults.Problem("No file was sent: use the multipart field 'file' (it may repeat).", statusCode: StatusCodes.Status400BadRequest);
        }

        var results = new List<UploadedDocument>(files.Count);
        foreach (var file in files)
        {
            try
            {
                await using var content = file.OpenReadStream();
                var outcome = await uploader.UploadAsync(content, file.FileName, collection, cancellationToken);
                results.Add(new UploadedDocument(outcome.Id, outcome.Name, outcome.Status));
            }
            catch (DocumentRejectedException e)
            {
                results.Add(new UploadedDocument(Guid.Empty, FileNameSanitizer.ToDisplayName(file.FileName), "rejected", e.Message, e.SuggestedStatusCode));
            }
        }

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
