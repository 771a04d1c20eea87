using ChatRag.Chat.Orchestration;
using ChatRag.Contracts.Health;
using ChatRag.Core.Collections;
using ChatRag.Core.Embeddings;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Ocr;
using ChatRag.Server.Configuration;
using ChatRag.Server.Security;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// <c>GET /api/v1/status</c>: the decoder and encoders in use, whether OCR is available and the collections the caller may see. The web client
/// reads it for its model status, its extractive-answers banner and its collection switcher.
/// </summary>
public static class StatusEndpoints
{
    /// <summary>Maps the read-only status route.</summary>
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/status", GetAsync)
            .WithTags("Status")
            .WithName("GetStatus")
            .WithSummary("Get server status")
            .WithDescription("The models in use (the decoder, or why answers are extractive; the encoders), whether OCR is available, and the collections the caller may see.");
        return routes;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<ServerStatus>> GetAsync(
        ChatModel model, IEncoderCatalog encoders, ICollectionCatalog catalog, CallerScope scope, IOcrEngine ocr,
        IOptions<IngestionLimitsOptions> ingestionLimits, IOptions<RequestLimitsOptions> requestLimits, CancellationToken cancellationToken)
    {
        var decoder = model.Client is { } client
            ? new DecoderStatus(true, client.GetService<ChatClientMetadata>()?.DefaultModelId, "generative")
            : new DecoderStatus(false, null, "extractive", model.Reason);

        // Collections come from the catalogue, limited to the caller's scope, so a scoped key never learns other names;
        // one small SELECT, never a read of every document.
        var listed = await catalog.ListAsync(scope.Collection, cancellationToken);
        var collections = listed.Select(c => c.Name)
            .Append(scope.DefaultCollection)
            .Where(scope.MaySee)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var engine = await ocr.GetAvailabilityAsync(cancellationToken);
        return TypedResults.Ok(new ServerStatus(decoder, encoders.Encoders.Select(e => e.Space).ToList(), collections, scope.DefaultCollection)
        {
            Ocr = new OcrStatus(engine.Available, engine.Engine, engine.Languages, engine.Reason),
            Uploads = UploadTypes.Policy(ingestionLimits.Value, requestLimits.Value),
        });
    }
}
