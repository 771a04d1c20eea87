namespace ChatRag.Server.Security;

/// <summary>
/// The one place a requested collection is checked against the caller's key scope: a route names where its request
/// carries the collection (a JSON body property or the query string), and a collection outside the scope is a 403
/// before the handler runs. A request that names none gets the key's own collection (<see cref="CallerScope.Resolve"/>).
/// Documents and conversations addressed by id are scoped where they are looked up, and answer 404 instead.
/// </summary>
public static class CollectionScopeFilter
{
    /// <summary>Checks the collection named by the route's <typeparamref name="TBody"/> argument.</summary>
    public static RouteHandlerBuilder RequireCollectionScope<TBody>(this RouteHandlerBuilder builder, Func<TBody, string?> collection) =>
        builder.AddEndpointFilter((context, next) =>
            Check(context, next, context.Arguments.OfType<TBody>().FirstOrDefault() is { } body ? collection(body) : null));

    /// <summary>Checks the collection named by the query string parameter <paramref name="name"/>.</summary>
    public static RouteHandlerBuilder RequireCollectionScopeFromQuery(this RouteHandlerBuilder builder, string name = "collection") =>
        builder.AddEndpointFilter((context, next) => Check(context, next, context.HttpContext.Request.Query[name].ToString()));

    /// <summary>The answer for a collection outside the caller's scope.</summary>
    public static IResult Forbidden(string collection) => TypedResults.Problem(
        $"This API key may not use collection '{collection}'.", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    private static ValueTask<object?> Check(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string? requested)
    {
        var scope = context.HttpContext.RequestServices.GetRequiredService<CallerScope>();
        return string.IsNullOrWhiteSpace(requested) || scope.MaySee(requested.Trim())
            ? next(context)
            : ValueTask.FromResult<object?>(Forbidden(requested.Trim()));
    }
}
