using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Pipeline;
using ChatRag.Server.Configuration;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ChatRag.Server.Endpoints;

/// <content>Reading an upload body section by section, without buffering it (no <c>ReadFormAsync</c>).</content>
public static partial class DocumentsEndpoints
{
    private const int MaxFieldChars = 1024;

    private readonly record struct MultipartRead(string? Collection, ProblemHttpResult? Problem);

    private static bool TryGetBoundary(HttpRequest request, out string boundary)
    {
        boundary = string.Empty;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        boundary = HeaderUtilities.RemoveQuotes(type.Boundary).ToString();
        return boundary.Length is > 0 and <= 200;
    }

    private static async Task<MultipartRead> ReadMultipartAsync(
        HttpRequest request,
        string boundary,
        DocumentUploader uploader,
        CallerScope scope,
        RequestLimitsOptions limits,
        List<(string FileName, StagedUpload? File, DocumentRejectedException? Error)> staged,
        CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, request.Body);
        var maxTotalBytes = limits.MaxUploadBytes;
        var total = new UploadBudget(maxTotalBytes);
        var files = 0;
        string? collection = null;
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var field = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                if (disposition.IsFileDisposition() && field == "file")
                {
                    // Counted before the file is read: a request of thousands of tiny files would otherwise create as
                    // many documents and jobs. Nothing was queued yet, and the staged files are deleted by the caller.
                    if (++files > limits.MaxFilesPerUpload)
                    {
                        return new MultipartRead(collection, TooManyFiles(limits.MaxFilesPerUpload));
                    }

                    var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                    try
                    {
                        // Too large, empty or unknown: this file is refused (its partial file deleted), the next ones still count.
                        staged.Add((fileName, await uploader.StageAsync(total.Wrap(section.Body), fileName, cancellationToken), null));
                    }
                    catch (DocumentRejectedException e)
                    {
                        staged.Add((fileName, null, e));
                    }
                }
                else if (!disposition.IsFileDisposition() && field == "collection")
                {
                    collection = await ReadFieldAsync(section.Body, cancellationToken);

                    // Sent first (as browsers and curl do), a forbidden collection is refused before any file is read.
                    if (!string.IsNullOrWhiteSpace(collection) && !scope.MaySee(collection.Trim()))
                    {
                        return new MultipartRead(collection, Forbidden(collection.Trim()));
                    }
                }
            }
        }
        catch (UploadBudget.ExceededException)
        {
            return new MultipartRead(collection, TooLarge(maxTotalBytes));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return new MultipartRead(collection, TooLarge(maxTotalBytes));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            return new MultipartRead(collection, TypedResults.Problem($"The multipart body could not be read: {e.Message}", statusCode: StatusCodes.Status400BadRequest));
        }

        return new MultipartRead(collection, null);
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        // Bounded: a form field is a short name, never a reason to hold megabytes in memory.
        using var text = new StreamReader(body);
        var buffer = new char[MaxFieldChars + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await text.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return new string(buffer, 0, length);
    }

    private static ProblemHttpResult TooManyFiles(int maxFiles) => TypedResults.Problem(
        $"The upload has more than {maxFiles} files, the configured limit (ChatRag:Limits:MaxFilesPerUpload). Send them in several requests.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Too many files");

    private static ProblemHttpResult TooLarge(long maxTotalBytes) => TypedResults.Problem(
        $"The upload is larger than {maxTotalBytes / (1024.0 * 1024):0.#} MiB in total, the configured limit (ChatRag:Limits:MaxUploadBytes). Send fewer files per request.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Upload too large");
}
