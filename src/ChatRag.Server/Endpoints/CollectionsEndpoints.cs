using System.ComponentModel;
using ChatRag.Contracts.Collections;
using ChatRag.Core.Collections;
using ChatRag.Core.Documents;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// <c>/api/v1/collections</c>: collections as objects that exist with or without documents. A collection's name is
/// permanent (documents, vectors, conversations and API keys refer to it); a rename sets its display name. A
/// collection-scoped key sees and manages only its own collection; others answer 404, as if they did not exist.
/// </summary>
public static partial class CollectionsEndpoints
{
    /// <summary>Longest permanent name (what conversations can store).</summary>
    public const int MaxNameLength = 128;

    /// <summary>Maps the collections routes.</summary>
    public static IEndpointRouteBuilder MapCollectionsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/collections").WithTags("Collections");
        group.MapGet("/", ListAsync)
            .WithName("ListCollections")
            .WithSummary("The collections the caller may see, with their document counts; the caller's default collection always exists.");
        group.MapPost("/", CreateAsync)
            .WithName("CreateCollection")
            .WithSummary("Create an empty collection (permanent 'name', optional 'displayName' and 'description').")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{name}", GetAsync)
            .WithName("GetCollection")
            .WithSummary("One collection.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{name}", UpdateAsync)
            .WithName("UpdateCollection")
            .WithSummary("Rename (display name) or describe a collection; its permanent name stays.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{name}", DeleteAsync)
            .WithName("DeleteCollection")
            .WithSummary("Delete a collection with its documents, vectors, stored files and conversations; 'confirm' must repeat its name.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<CollectionItem>>> ListAsync(
        ICollectionCatalog catalog, IDocumentRepository documents, CallerScope scope, CancellationToken cancellationToken)
    {
        // Requests that name no collection go to the caller's default one, so it must exist for them to land anywhere.
        // Start-up creates "default"; a scoped key's collection may not exist yet. Written only when missing: an
        // INSERT OR IGNORE on every call would take SQLite's write lock on a read route.
        var rows = await catalog.ListAsync(scope.Collection, cancellationToken);
        if (!rows.Any(c => c.Name == scope.DefaultCollection))
        {
            await documents.EnsureCollectionAsync(scope.DefaultCollection, cancellationToken);
            rows = await catalog.ListAsync(scope.Collection, cancellationToken);
        }

        return TypedResults.Ok<IReadOnlyList<CollectionItem>>(rows.Select(ToItem).ToList());
    }

    private static async Task<Results<Ok<CollectionItem>, ProblemHttpResult>> GetAsync(
        [Description("The collection's permanent name (not its display name).")] string name, ICollectionCatalog catalog, CallerScope scope, CancellationToken cancellationToken) =>
        await FindAsync(name, catalog, scope, cancellationToken) is { } found ? TypedResults.Ok(ToItem(found)) : NotFound(name);

    private static async Task<Results<Created<CollectionItem>, ProblemHttpResult>> CreateAsync(
        CreateCollection body, ICollectionCatalog catalog, CallerScope scope, CancellationToken cancellationToken)
    {
        var name = body.Name?.Trim() ?? string.Empty;
        if (NameProblem(name) is { } problem)
        {
            return Invalid(problem);
        }

        if (!scope.MaySee(name))
        {
            return TypedResults.Problem(
                $"This API key is limited to collection '{scope.Collection}' and may not create others.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
        }

        var displayName = Clean(body.DisplayName);
        var description = Clean(body.Description);
        if (TextProblem(displayName, description) is { } textProblem)
        {
            return Invalid(textProblem);
        }

        if (!await catalog.CreateAsync(name, displayName, description, cancellationToken))
        {
            return TypedResults.Problem($"A collection named '{name}' already exists.", statusCode: StatusCodes.Status409Conflict, title: "Collection exists");
        }

        var created = await catalog.GetAsync(name, cancellationToken);
        return TypedResults.Created($"/api/v1/collections/{Uri.EscapeDataString(name)}", ToItem(created!));
    }

    private static async Task<Results<Ok<CollectionItem>, ProblemHttpResult>> UpdateAsync(
        [Description("The collection's permanent name (not its display name).")] string name, UpdateCollection body, ICollectionCatalog catalog, CallerScope scope, CancellationToken cancellationToken)
    {
        if (await FindAsync(name, catalog, scope, cancellationToken) is not { } found)
        {
            return NotFound(name);
        }

        // Left out keeps, empty clears: a PATCH that only renames must not wipe the description.
        var displayName = body.DisplayName is null ? found.DisplayName : Clean(body.DisplayName);
        var description = body.Description is null ? found.Description : Clean(body.Description);
        if (TextProblem(displayName, description) is { } problem)
        {
            return Invalid(problem);
        }

        var updated = await catalog.UpdateAsync(found.Name, displayName, description, cancellationToken);
        return updated is null ? NotFound(name) : TypedResults.Ok(ToItem(updated));
    }

    private static async Task<CollectionInfo?> FindAsync(string name, ICollectionCatalog catalog, CallerScope scope, CancellationToken cancellationToken) =>
        scope.MaySee(name) ? await catalog.GetAsync(name, cancellationToken) : null;

    private static CollectionItem ToItem(CollectionInfo c) =>
        new(c.Name, c.DisplayName ?? c.Name, c.Description, c.Documents, c.CreatedAt);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? NameProblem(string name) =>
        name.Length == 0 ? "'name' is required."
        : name.Length > MaxNameLength ? $"'name' has {name.Length} characters; the limit is {MaxNameLength}."
        : name.Any(c => char.IsControl(c) || c is '/' or '\\') ? "'name' may not contain slashes or control characters."
        : null;

    private static string? TextProblem(string? displayName, string? description) =>
        displayName is { Length: > 200 } ? "'displayName' has more than 200 characters."
        : description is { Length: > 1000 } ? "'description' has more than 1000 characters."
        : null;

    private static ProblemHttpResult Invalid(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid collection");

    private static ProblemHttpResult NotFound(string name) =>
        TypedResults.Problem($"No collection '{name}' is visible to this caller.", statusCode: StatusCodes.Status404NotFound, title: "Unknown collection");
}
