using System.ComponentModel;
using System.Globalization;
using ChatRag.Contracts.Documents;
using ChatRag.Core.Ingestion;
using ChatRag.Server.Configuration;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Endpoints;

/// <content>
/// The document list, in pages: the body stays the JSON array of the public contract, and a page that is not the last
/// names the next one in <c>X-Next-Cursor</c> (and a <c>Link: rel="next"</c>), so no request returns every document.
/// </content>
public static partial class DocumentsEndpoints
{
    /// <summary>Response header that carries the cursor of the next page.</summary>
    public const string NextCursorHeader = "X-Next-Cursor";

    private static async Task<Results<Ok<IReadOnlyList<DocumentDetails>>, ProblemHttpResult>> ListAsync(
        [Description("The collection to list; every collection the caller may see when omitted.")] string? collection,
        [Description("Documents per page, from 1 to `ChatRag:Limits:MaxDocumentsPageSize`; `ChatRag:Limits:DocumentsPageSize` when omitted.")] string? limit,
        [Description("The `X-Next-Cursor` of the previous page; the first page when omitted.")] string? cursor,
        IIngestionJobStore store, CallerScope scope, IOptions<RequestLimitsOptions> limits, HttpContext http,
        CancellationToken cancellationToken)
    {
        var wanted = string.IsNullOrWhiteSpace(collection) ? scope.Collection : collection.Trim();
        var max = limits.Value.MaxDocumentsPageSize;
        var size = limits.Value.DocumentsPageSize;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > max))
        {
            return TypedResults.Problem($"'limit' must be a whole number from 1 to {max}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid limit");
        }

        DocumentCursor? after = null;
        if (cursor is not null)
        {
            if (!DocumentCursor.TryDecode(cursor, out var decoded))
            {
                return TypedResults.Problem("'cursor' is not a cursor this server issued; start again without it.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid cursor");
            }

            after = decoded;
        }

        var page = await store.ListPageAsync(wanted, size, after, cancellationToken);
        if (page.Next is { } next)
        {
            var token = next.Encode();
            http.Response.Headers[NextCursorHeader] = token;
            var query = (collection is null ? QueryString.Empty : QueryString.Create("collection", collection))
                .Add("limit", size.ToString(CultureInfo.InvariantCulture))
                .Add("cursor", token);
            http.Response.Headers.Link = $"</api/v1/documents{query}>; rel=\"next\"";
        }

        return TypedResults.Ok<IReadOnlyList<DocumentDetails>>(page.Documents.Select(ToDetails).ToList());
    }
}
