using ChatRag.Chat.Decoders;
using ChatRag.Contracts.Health;
using ChatRag.Core.Collections;
using ChatRag.Core.Embeddings;
using ChatRag.Ingestion.Limits;
using ChatRag.Ingestion.Ocr;
using ChatRag.Server.Configuration;
using ChatRag.Server.Security;
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
            .WithDescription("The models in use (the default decoder, or why answers are extractive; every configured decoder with its state; the encoders), whether OCR is available, and the collections the caller may see.");
        return routes;
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Ok<ServerStatus>> GetAsync(
        DecoderCatalog decoders, IEncoderCatalog encoders, ICollectionCatalog catalog, CallerScope scope, IOcrEngine ocr,
        IOptions<IngestionLimitsOptions> ingestionLimits, IOptions<RequestLimitsOptions> requestLimits, CancellationToken cancellationToken)
    {
        // Reading the state never loads a model: a status poll must not pull gigabytes into memory.
        var states = decoders.Describe();
        var decoder = decoders.DefaultName is { } name
            ? new DecoderStatus(true, name, "generative")
            : new DecoderStatus(false, null, "extractive", decoders.NoneReason);

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
            Decoders = [.. states.Select(d => new DecoderItem(d.Name, d.Kind, d.IsDefault, d.State, Math.Round(d.MemoryBytes / 1048576.0, 1), d.InUse, d.Error))],
        });
    }
}
