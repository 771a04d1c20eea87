using ChatRag.Server.OpenApi;
using System.Text.Json;
using ChatRag.Chat;
using ChatRag.Chat.Decoders;
using ChatRag.Chat.Orchestration;
using ChatRag.Contracts.Chat;
using ChatRag.Core.Collections;
using ChatRag.Server.Configuration;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Endpoints;

/// <summary><c>/api/v1/chat</c>: grounded answers, as one JSON object or as Server-Sent Events.</summary>
public static class ChatEndpoints
{
    /// <summary>Maps the chat route (rate limited per API key or client address).</summary>
    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/chat").WithTags("Chat");
        group.MapPost("/", ChatAsync)
            .WithName("Chat")
            .WithSummary("Ask a question")
            .WithDescription(
                "Answers a message from the documents of a collection, with citations checked against the cited passages. " +
                "The answer is one JSON object, or with `\"stream\": true` a `text/event-stream` of `thought`, `tool`, `delta` and `citation` events " +
                "ending with one `done` event that holds the same object. Send `conversationId` to continue a conversation, " +
                "and `model` to answer with one of the configured decoders (`GET /api/v1/status` lists them; an unknown name is a 400). " +
                "`documentIds` answers from those documents only and is stored with the conversation for its follow-up turns (an empty list returns to the whole collection); " +
                "an id the request names that is not in the collection (unknown or deleted) answers 404. A follow-up that omits `documentIds` carries the stored choice over: " +
                "a chosen document deleted since drops out of it (the trace lists it in `droppedDocumentIds`), and with none left the conversation answers from the whole collection.")
            .Produces<ChatResponse>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .AddOpenApiOperationTransformer(EventStreamDocumentation.DescribeChatEventsAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(ChatRateLimiting.PolicyName)
            .RequireCollectionScope<ChatRequest>(body => body.Collection);
        return routes;
    }

    private static async Task<IResult> ChatAsync(
        ChatRequest body, ChatOrchestrator orchestrator, ICollectionCatalog catalog, DecoderCatalog decoders, CallerScope scope, IOptions<GroundedChatOptions> options,
        IOptions<JsonOptions> json, HttpContext http, CancellationToken cancellationToken)
    {
        var message = body.Message?.Trim() ?? string.Empty;
        if (message.Length == 0)
        {
            return TypedResults.Problem("The message is empty.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        }

        if (message.Length > options.Value.MaxMessageLength)
        {
            return TypedResults.Problem(
                $"The message has {message.Length} characters; the limit is {options.Value.MaxMessageLength}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid request");
        }

        // Checked before anything runs, so a typo is a 400 naming the choices rather than a silent default.
        if (!string.IsNullOrWhiteSpace(body.Model) && !decoders.Contains(body.Model.Trim()))
        {
            return TypedResults.Problem(new UnknownDecoderException(body.Model.Trim(), decoders.Names).Message, statusCode: StatusCodes.Status400BadRequest, title: "Unknown model");
        }

        var collection = scope.Resolve(body.Collection);
        if (await NoDocumentsYetAsync(catalog, scope, collection, cancellationToken))
        {
            return TypedResults.Problem(
                $"Collection '{collection}' has no documents yet. Upload documents to it, then ask again.",
                statusCode: StatusCodes.Status409Conflict,
                title: "No documents yet");
        }

        var turn = new ChatTurn(message, body.ConversationId, collection, ConversationsEndpoints.OwnerOf(scope))
        {
            Thinking = body.Thinking,
            Model = body.Model?.Trim() is { Length: > 0 } m ? m : null,
            Documents = body.DocumentIds,
        };
        try
        {
            if (body.Stream != true)
            {
                return TypedResults.Ok((await orchestrator.AnswerAsync(turn, cancellationToken)).ToContract());
            }

            // RequestAborted is the token here too: a client that disconnects cancels the decode loop.
            return await ChatEventStream.StartAsync(http, orchestrator.StreamAsync(turn, cancellationToken), json.Value.SerializerOptions, cancellationToken);
        }
        catch (ConversationNotFoundException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown conversation");
        }
    }

    // An empty collection exists (so "Unknown collection" would be wrong) but has nothing to answer from: say so
    // plainly instead of searching nothing. The caller's default collection counts as existing even before its first
    // document; any other unknown name is left to retrieval, which answers 404.
    private static async Task<bool> NoDocumentsYetAsync(ICollectionCatalog catalog, CallerScope scope, string collection, CancellationToken cancellationToken) =>
        await catalog.GetAsync(collection, cancellationToken) is { } found
            ? found.Documents == 0
            : collection == scope.DefaultCollection;
}
