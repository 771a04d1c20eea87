using ChatRag.Chat.Orchestration;
using ChatRag.Contracts.Health;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Ingestion;
using ChatRag.Ingestion.Ocr;
using ChatRag.Server.Security;
using Microsoft.Extensions.AI;

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
        ChatModel model, IEncoderCatalog encoders, IIngestionJobStore documents, CallerScope scope, IOcrEngine ocr, CancellationToken cancellationToken)
    {
        var decoder = model.Client is { } client
            ? new DecoderStatus(true, client.GetService<ChatClientMetadata>()?.DefaultModelId, "generative")
            : new DecoderStatus(false, null, "extractive", model.Reason);

        // Collections come from the documents the caller can see, so a scoped key never learns other collection names.
        var listed = await documents.ListAsync(scope.Collection, cancellationToken);
        var collections = listed.Select(d => d.Collection)
            .Append(scope.DefaultCollection)
            .Where(scope.MaySee)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var engine = await ocr.GetAvailabilityAsync(cancellationToken);
        return TypedResults.Ok(new ServerStatus(decoder, encoders.Encoders.Select(e => e.Space).ToList(), collections, scope.DefaultCollection)
        {
            Ocr = new OcrStatus(engine.Available, engine.Engine, engine.Languages, engine.Reason),
        });
    }
}
