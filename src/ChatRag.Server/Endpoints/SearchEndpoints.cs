using ChatRag.Contracts.Search;
using ChatRag.Core.Retrieval;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatRag.Server.Endpoints;

/// <summary><c>/api/v1/search</c>: hybrid retrieval over the caller's collection.</summary>
public static class SearchEndpoints
{
    /// <summary>Maps the search routes.</summary>
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/search").WithTags("Search");
        group.MapPost("/", SearchAsync)
            .WithName("Search")
            .WithSummary("Search passages")
            .WithDescription(
                "Finds the passages most relevant to a query in a collection: dense vectors and BM25, fused by reciprocal rank (`mode` picks one signal alone). " +
                "`documentIds` restricts every index query to those documents; an id that is not in the collection answers 404.")
            .Produces<SearchResults>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireCollectionScope<SearchQuery>(body => body.Collection);
        return routes;
    }

    private static async Task<Results<Ok<SearchResults>, ProblemHttpResult>> SearchAsync(
        SearchQuery body, HybridSearcher searcher, CallerScope scope, CancellationToken cancellationToken)
    {
        if (!TryParseMode(body.Mode, out var mode))
        {
            return TypedResults.Problem($"Unknown mode '{body.Mode}'; use hybrid, dense or lexical.", statusCode: StatusCodes.Status400BadRequest);
        }

        var response = await searcher.SearchAsync(new SearchRequest(body.Query ?? string.Empty, [scope.Resolve(body.Collection)], body.Top ?? 10, mode) { Documents = body.DocumentIds }, cancellationToken);
        var items = response.Results.Select(r => new SearchResultItem(
            r.Chunk.DocumentId, r.Chunk.DocumentName, r.Chunk.Id, r.Chunk.Text, r.Score, r.Chunk.Page, r.Chunk.Collection,
            r.Chunk.HeadingPath, r.Chunk.StartOffset, r.Chunk.EndOffset, r.SignalRanks)
        {
            OcrConfidence = r.Chunk.OcrConfidence,
            RerankScore = r.RerankScore,
            FusedRank = r.FusedRank,
        }).ToList();
        var rerank = response.Rerank is { } o ? new RerankSummary(o.Model, o.Candidates, o.Applied, o.Reason, o.Milliseconds) : null;
        return TypedResults.Ok(new SearchResults(items, mode.ToString().ToLowerInvariant(), response.TimingsMs) { Rerank = rerank });
    }

    private static bool TryParseMode(string? value, out SearchMode mode)
    {
        mode = SearchMode.Hybrid;
        return string.IsNullOrWhiteSpace(value) || (Enum.TryParse(value, ignoreCase: true, out mode) && Enum.IsDefined(mode));
    }
}
