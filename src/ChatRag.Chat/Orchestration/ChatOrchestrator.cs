using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatRag.Chat.Citations;
using ChatRag.Chat.Decoders;
using ChatRag.Chat.Extractive;
using ChatRag.Chat.Tools;
using ChatRag.Core.Conversations;
using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using ChatRag.Core.Ingestion;
using ChatRag.Core.Retrieval;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace ChatRag.Chat.Orchestration;

/// <summary>
/// Answers one chat turn: loads the conversation, rewrites a follow-up into a standalone query, retrieves in the
/// caller's collection only, then lets the model answer with tools (generative) or quotes the best sentences
/// (extractive), checks the citations, stores both messages with the trace, and reports it all as events.
/// </summary>
public sealed partial class ChatOrchestrator(
    HybridSearcher searcher,
    IConversationStore conversations,
    DecoderCatalog decoders,
    Kernel kernel,
    IOptions<GroundedChatOptions> options,
    TimeProvider clock,
    IIngestionJobStore? documents = null,
    IDocumentRepository? repository = null,
    IEncoderCatalog? encoders = null,
    RuntimeChatSettings? runtime = null,
    IChatTurnObserver? observer = null)
{
    /// <summary>Activity source and meter name for chat: spans <c>chat.turn</c> and <c>chat.rewrite</c>, histogram <c>chatrag.chat.turn.duration</c>.</summary>
    public const string ActivitySourceName = "ChatRag.Chat";

    private static readonly ActivitySource Activities = new(ActivitySourceName);
    private static readonly Meter Metrics = new(ActivitySourceName);
    private static readonly Histogram<double> TurnDuration = Metrics.CreateHistogram<double>("chatrag.chat.turn.duration", "ms", "Duration of one chat turn, rewrite to stored answer.");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Answers and returns the final response (the <c>done</c> event).</summary>
    public async Task<TurnResult> AnswerAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        TurnResult? done = null;
        await foreach (var e in StreamAsync(turn, cancellationToken).ConfigureAwait(false))
        {
            done = (e as TurnCompleted)?.Response ?? done;
        }

        return done ?? throw new InvalidOperationException("The chat stream ended without a result.");
    }

    private async IAsyncEnumerable<ChatTurnEvent> StreamTurnAsync(ChatTurn turn, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var activity = Activities.StartActivity("chat.turn");
        var settings = options.Value;
        var timings = new Dictionary<string, double>(StringComparer.Ordinal);
        var total = Stopwatch.StartNew();
        // Held to the end of the turn, so the model cannot be unloaded under a running generation.
        using var model = decoders.Acquire(turn.Model);
        var (history, stored) = await LoadHistoryAsync(turn, cancellationToken).ConfigureAwait(false);

        var watch = Stopwatch.StartNew();
        var (rewritten, method, rewriteReason) = await RewriteAsync(model.Client, turn.Message, history, cancellationToken).ConfigureAwait(false);
        timings["rewrite"] = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        var (search, chosen, dropped) = await SearchChosenAsync(turn, stored, rewritten, runtime?.RetrievalDepth ?? settings.Sources, cancellationToken).ConfigureAwait(false);
        var sources = search.Results;
        timings["retrieve"] = watch.Elapsed.TotalMilliseconds;

        // The same evidence bar guards both paths: passages that do not answer the question get no invented answer.
        watch.Restart();
        var encoder = encoders?.Encoders is [var first, ..] ? first.Generator : null;
        var ranked = await SentenceRanker.RankAsync(rewritten, sources, encoder, cancellationToken).ConfigureAwait(false);
        var evidence = Answerability.Judge(ranked, settings.AnswerMinSupport, settings.AnswerMinCosine);
        timings["evidence"] = watch.Elapsed.TotalMilliseconds;

        watch.Restart();
        var state = new TurnState { Documents = chosen.Count > 0 ? chosen : null };
        if (!evidence.Found)
        {
            state.Answer = ExtractiveAnswerer.NotFoundFor(ranked);
            state.Note = model.Client is null ? model.Reason : "The documents do not answer this question; the language model was not asked.";
            yield return new AnswerDelta(state.Answer);
        }
        else if (model.Client is not null)
        {
            await foreach (var e in GenerateAsync(model.Client, turn, history, sources, state, cancellationToken).ConfigureAwait(false))
            {
                yield return e;
            }
        }

        // The generative path may have trimmed the sources to the model's context; citations number that list.
        sources = state.Sources ?? sources;
        if (state.Answer is null)
        {
            // Sources trimmed to the model's context are a prefix of the ranking: the sentences already ranked are kept
            // for those, so citation numbers match the trimmed list without embedding everything again.
            var quotable = ranked.Within(sources.Count);
            var extractive = ExtractiveAnswerer.Compose(quotable, evidence, sources, settings.ExtractiveSentences);
            state.Answer = extractive.Text;
            evidence = extractive.Evidence;
            state.Note ??= model.Reason;
            yield return new AnswerDelta(state.Answer);
        }

        timings["answer"] = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        var semantic = settings.SemanticSupport && encoder is not null ? new SemanticSupportScorer(encoder) : null;
        var checkedAnswer = await CitationChecker.CheckAsync(
            state.Answer, sources, settings.SupportThreshold, semantic, settings.SemanticSupportThreshold, cancellationToken).ConfigureAwait(false);
        timings["check"] = watch.Elapsed.TotalMilliseconds;
        foreach (var citation in checkedAnswer.Citations)
        {
            yield return new CitationResolved(citation);
        }

        var mode = state.Generative ? "generative" : "extractive";
        timings["total"] = total.Elapsed.TotalMilliseconds;
        var hits = sources.Select((s, i) => new TurnTraceHit(i + 1, s.Chunk.Id, s.Chunk.DocumentId, s.Chunk.DocumentName, s.Chunk.Page, s.Score, s.SignalRanks)
        {
            RerankScore = s.RerankScore,
            FusedRank = s.FusedRank,
        }).ToList();
        var trace = new TurnTrace(
            turn.Message, rewritten, method, hits, state.Tools?.All ?? [], state.Tokens, state.Generative ? state.ModelId ?? "unknown" : "extractive",
            mode, timings, DroppedNote(dropped, chosen.Count, state.Note), rewriteReason, new TurnEvidence(evidence.Found, evidence.Support, evidence.Cosine, evidence.Reason))
        {
            Decoder = state.Generative ? model.Name : null,
            Rerank = search.Rerank,
            DroppedDocumentIds = dropped.Count > 0 ? dropped : null,
        };
        var id = turn.History is null ? await SaveAsync(turn, chosen, stored, checkedAnswer, trace, cancellationToken).ConfigureAwait(false) : Guid.Empty;
        activity?.SetTag("chatrag.chat.mode", mode);
        TurnDuration.Record(total.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("chatrag.chat.mode", mode));
        yield return new TurnCompleted(new TurnResult(id, checkedAnswer.Answer, checkedAnswer.Citations, mode, trace, evidence.Found) { DocumentIds = chosen });
    }

    /// <summary>The history the turn answers with, and the documents its stored conversation is scoped to.</summary>
    private async Task<(IReadOnlyList<ConversationMessage> History, IReadOnlyList<Guid> Documents)> LoadHistoryAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.History is { } supplied)
        {
            // The same window a stored conversation gets, so a client cannot push more history than the web client can.
            return ([.. supplied.TakeLast(options.Value.HistoryMessages)], []);
        }

        if (turn.ConversationId is not { } id)
        {
            return ([], []);
        }

        var conversation = await conversations.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (conversation is null || conversation.Owner != turn.Owner && turn.Owner is not null || conversation.Collection != turn.Collection)
        {
            throw new ConversationNotFoundException(id);
        }

        return (await conversations.GetRecentMessagesAsync(id, options.Value.HistoryMessages, cancellationToken).ConfigureAwait(false), conversation.Documents);
    }

    private async Task<Guid> SaveAsync(
        ChatTurn turn, IReadOnlyList<Guid> chosen, IReadOnlyList<Guid> stored, CitationResult answer, TurnTrace trace, CancellationToken cancellationToken)
    {
        var id = turn.ConversationId;
        if (id is null)
        {
            var title = turn.Message.Length <= 120 ? turn.Message : turn.Message[..120] + "…";
            id = (await conversations.CreateAsync(title, turn.Collection, turn.Owner, chosen, cancellationToken).ConfigureAwait(false)).Id;
        }
        else if (!chosen.SequenceEqual(stored))
        {
            // A new choice on a follow-up (chips added or removed) is the conversation's choice from now on.
            await conversations.SetDocumentsAsync(id.Value, chosen, cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetUtcNow();
        await conversations.AppendAsync(
            id.Value,
            [
                new ConversationMessage("user", turn.Message, null, null, now),
                new ConversationMessage("assistant", answer.Answer, JsonSerializer.Serialize(answer.Citations, Json), JsonSerializer.Serialize(trace, Json), now),
            ],
            cancellationToken).ConfigureAwait(false);
        return id.Value;
    }

    private sealed class TurnState
    {
        public string? Answer { get; set; }

        public bool Generative { get; set; }

        public string? ModelId { get; set; }

        public string? Note { get; set; }

        public ToolCallLog? Tools { get; set; }

        public IReadOnlyList<RetrievedChunk>? Sources { get; set; }

        public TurnTokens Tokens { get; set; } = new(null, null, null);

        public IReadOnlyList<Guid>? Documents { get; init; }
    }
}
