using ChatRag.Contracts.Settings;
using ChatRag.Server.Configuration;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// <c>/api/v1/settings</c>: the default decoder and the retrieval depth, read by every caller and changed by an
/// administrator: anonymous mode (loopback only unless configured otherwise) or an API key with no collection scope.
/// A key limited to one collection must not change how every other collection is answered.
/// </summary>
public static class SettingsEndpoints
{
    /// <summary>Registers the run-time settings (stored, then applied at start-up).</summary>
    public static IServiceCollection AddRuntimeSettings(this IServiceCollection services)
    {
        services.AddSingleton<RuntimeSettingsService>();
        services.AddHostedService(sp => sp.GetRequiredService<RuntimeSettingsService>());
        return services;
    }

    /// <summary>Maps the settings routes.</summary>
    public static IEndpointRouteBuilder MapSettingsEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/settings").WithTags("Settings");
        group.MapGet("/", Get)
            .WithName("GetSettings")
            .WithSummary("Get chat settings")
            .WithDescription(
                "The default decoder, the configured decoders to choose from, the retrieval depth, whether the caller may change them " +
                "(anonymous mode or an API key without a collection scope) and the equivalent configuration lines.");
        group.MapPut("/", PutAsync)
            .WithName("UpdateSettings")
            .WithSummary("Change chat settings")
            .WithDescription(
                "Sets the default decoder and the retrieval depth; a null field returns it to its configured value. Stored in the database, " +
                "so the choice survives a restart and overrides configuration. Only for anonymous mode or an API key without a collection scope.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Not the usual 403 (another collection): here any collection scope is too narrow.
                if (operation.Responses?.TryGetValue("403", out var forbidden) == true && forbidden is Microsoft.OpenApi.OpenApiResponse response)
                {
                    response.Description = "The API key is limited to one collection; server-wide settings need a key without a collection scope (or anonymous mode).";
                }

                if (operation.Responses?.TryGetValue("400", out var invalid) == true && invalid is Microsoft.OpenApi.OpenApiResponse bad)
                {
                    bad.Description = "`defaultDecoder` names no configured decoder, or `retrievalDepth` is outside 1-50; `detail` says which.";
                }

                return Task.CompletedTask;
            });
        return routes;
    }

    /// <summary>Whether the caller administers the server: full scope (anonymous mode, or a key without a collection).</summary>
    internal static bool IsAdmin(CallerScope scope) => scope.Collection is null;

    private static Ok<ChatSettings> Get(RuntimeSettingsService settings, CallerScope scope) => TypedResults.Ok(settings.Describe(IsAdmin(scope)));

    private static async Task<Results<Ok<ChatSettings>, ProblemHttpResult>> PutAsync(
        UpdateChatSettings body, RuntimeSettingsService settings, CallerScope scope, CancellationToken cancellationToken)
    {
        if (!IsAdmin(scope))
        {
            return TypedResults.Problem(
                "Your API key is limited to one collection; changing server-wide settings needs a key without a collection scope.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed");
        }

        if (await settings.UpdateAsync(body, cancellationToken) is { } error)
        {
            return TypedResults.Problem(error, statusCode: StatusCodes.Status400BadRequest, title: "Invalid settings");
        }

        return TypedResults.Ok(settings.Describe(canEdit: true));
    }
}
