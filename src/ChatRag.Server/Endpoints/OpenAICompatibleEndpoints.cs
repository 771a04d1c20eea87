using ChatRag.Server.OpenApi;
using System.Text;
using ChatRag.Chat;
using ChatRag.Chat.Decoders;
using ChatRag.Chat.Orchestration;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.OpenAI;
using ChatRag.Core.Collections;
using ChatRag.Server.Configuration;
using ChatRag.Server.Errors;
using ChatRag.Server.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace ChatRag.Server.Endpoints;

/// <summary>
/// <c>/v1/models</c> and <c>/v1/chat/completions</c> in the OpenAI wire format, so any OpenAI SDK or chat front end can
/// use ChatRag. A thin adapter: the turn runs through the same <see cref="ChatOrchestrator"/> as <c>/api/v1/chat</c>
/// (retrieval in the caller's collection, tools, citation check), under the same key scope and rate limit.
/// </summary>
public static partial class OpenAICompatibleEndpoints
{
    /// <summary>Registers the OpenAI error writer; it must come before the default problem details writer.</summary>
    public static IServiceCollection AddOpenAICompatibleErrors(this IServiceCollection services)
    {
        // ProblemDetailsService asks its writers in registration order and the default one answers every request.
        services.Insert(0, ServiceDescriptor.Singleton<IProblemDetailsWriter, OpenAIErrorWriter>());
        return services;
    }

    /// <summary>Maps the <c>/v1</c> group (authenticated like <c>/api/v1</c>; completions rate limited like chat).</summary>
    public static IEndpointRouteBuilder MapOpenAICompatibleEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup(OpenAIErrorWriter.Prefix).RequireAuthorization(AuthServiceCollectionExtensions.ApiPolicy).WithTags("OpenAI-compatible");
        group.MapGet("/models", ListModelsAsync)
            .WithName("ListModels")
            .WithSummary("List models")
            .WithDescription(
                "One model per collection the caller may see, named `chatrag/<collection>` (answered by the default decoder): send it as `model` " +
                "to `POST /v1/chat/completions`. When several decoders are configured, `chatrag/<collection>@<decoder>` names each pair too.")
            .Produces<ModelList>();
        group.MapPost("/chat/completions", CompleteAsync)
            .WithName("CreateChatCompletion")
            .WithSummary("Create a chat completion")
            .WithDescription(
                "A grounded answer in the OpenAI chat-completions format, over the collection the model names (`chatrag/<collection>`). " +
                "The last user message is the question and earlier user and assistant messages the history; system messages are ignored " +
                "(the grounded instructions are the server's). The answer keeps its `[n]` markers and the checked citations come back in " +
                "`citations`; `\"stream\": true` answers `chat.completion.chunk` events ending with `data: [DONE]`.")
            .Produces<ChatCompletion>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .AddOpenApiOperationTransformer(EventStreamDocumentation.DescribeCompletionChunksAsync)
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status403Forbidden)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound)
            .Produces<ErrorResponse>(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(ChatRateLimiting.PolicyName)
            .RequireCollectionScope<ChatCompletionRequest>(body => ModelNames.Collection(body.Model));
        return routes;
    }

    private static async Task<IResult> ListModelsAsync(
        ICollectionCatalog catalog, DecoderCatalog decoders, CallerScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        // The same collections /api/v1/status lists: from the catalogue, within the caller's scope, so a scoped key learns no others.
        var listed = await catalog.ListAsync(scope.Collection, cancellationToken);
        var created = clock.GetUtcNow().ToUnixTimeSeconds();
        var models = listed.Select(c => c.Name)
            .Append(scope.DefaultCollection)
            .Where(scope.MaySee)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .SelectMany(c => Pairs(c, decoders.Names).Select(name => new ModelItem(name, created)))
            .ToList();
        return TypedResults.Ok(new ModelList(models));
    }

    private static async Task<IResult> CompleteAsync(
        ChatCompletionRequest body, ChatOrchestrator orchestrator, DecoderCatalog decoders, ICollectionCatalog catalog, CallerScope scope,
        IOptions<GroundedChatOptions> options, IOptions<JsonOptions> json, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Model))
        {
            return Error(StatusCodes.Status400BadRequest, "'model' is required: chatrag/<collection> (GET /v1/models lists yours).", "model", "missing_required_parameter");
        }

        if (ModelNames.Collection(body.Model) is not { } collection || !await ExistsAsync(catalog, scope, collection, cancellationToken))
        {
            return Error(
                StatusCodes.Status404NotFound,
                $"The model '{body.Model}' does not exist or you do not have access to it. Models are named chatrag/<collection>; GET /v1/models lists yours.",
                "model",
                "model_not_found");
        }

        var decoder = ModelNames.Decoder(body.Model);
        if (decoder is not null && decoders.Canonical(decoder) is null)
        {
            return Error(StatusCodes.Status404NotFound, new UnknownDecoderException(decoder, decoders.Names).Message + " Name one as chatrag/<collection>@<decoder>.", "model", "model_not_found");
        }

        if (RequestMessages.Split(body.Messages) is not { } conversation)
        {
            return Error(StatusCodes.Status400BadRequest, "The messages contain no user message with text; the last user message is the question.", "messages", null);
        }

        if (conversation.Question.Length > options.Value.MaxMessageLength)
        {
            return Error(
                StatusCodes.Status400BadRequest,
                $"The last user message has {conversation.Question.Length} characters; the limit is {options.Value.MaxMessageLength}.",
                "messages",
                "message_too_long");
        }

        var turn = new ChatTurn(conversation.Question, null, collection, ConversationsEndpoints.OwnerOf(scope), conversation.History, Model: decoder) { Documents = body.DocumentIds };
        var reply = new ReplyHeader("chatcmpl-" + Guid.NewGuid().ToString("N"), clock.GetUtcNow().ToUnixTimeSeconds(), body.Model!);
        var usage = new UsageCounter(decoders, decoder, options.Value.ContextTokens, conversation, options.Value.HistoryMessages);
        if (body.Stream == true)
        {
            // RequestAborted is the token here too: a client that disconnects cancels the decode loop.
            return await ChunkStream.StartAsync(http, orchestrator.StreamAsync(turn, cancellationToken), reply, usage, json.Value.SerializerOptions, cancellationToken);
        }

        var reasoning = new StringBuilder();
        ChatResponse? done = null;
        await foreach (var e in orchestrator.StreamAsync(turn, cancellationToken))
        {
            switch (e)
            {
                case ThoughtDelta thought:
                    reasoning.Append(thought.Text);
                    break;
                case TurnCompleted completed:
                    done = completed.Response.ToContract();
                    break;
            }
        }

        if (done is null)
        {
            throw new InvalidOperationException("The chat stream ended without a result.");
        }

        var message = new ChatCompletionMessage(done.Answer, reasoning.Length > 0 ? reasoning.ToString() : null, done.Citations);
        return TypedResults.Ok(new ChatCompletion(
            reply.Id, reply.Created, reply.Model, [new ChatCompletionChoice(0, message, "stop")], usage.For(done, reasoning.ToString()), done.Mode, done.Found));
    }

    // The plain name always (the default decoder answers it); each collection@decoder pair only when there is a choice.
    private static IEnumerable<string> Pairs(string collection, IReadOnlyList<string> decoders) =>
        decoders.Count > 1 ? [ModelNames.For(collection), .. decoders.Select(d => ModelNames.For(collection, d))] : [ModelNames.For(collection)];

    private static async Task<bool> ExistsAsync(ICollectionCatalog catalog, CallerScope scope, string collection, CancellationToken cancellationToken) =>
        scope.MaySee(collection)
        && (collection == scope.DefaultCollection || await catalog.GetAsync(collection, cancellationToken) is not null);

    private static IResult Error(int status, string message, string? param, string? code)
    {
        // Through problem details so every /v1 error, ours or the framework's, is written by OpenAIErrorWriter.
        var extensions = new Dictionary<string, object?> { ["param"] = param, ["code"] = code };
        return TypedResults.Problem(message, statusCode: status, extensions: extensions);
    }

    private sealed record ReplyHeader(string Id, long Created, string Model);
}
