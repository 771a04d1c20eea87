using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ChatRag.Contracts.Chat;
using ChatRag.Contracts.Documents;
using ChatRag.Contracts.Health;
using ChatRag.Web.Api;

namespace ChatRag.Web.Tests.Fakes;

/// <summary>A scripted API: chat events are written by the test into a channel; document statuses follow a queue.</summary>
internal sealed partial class FakeChatRagApi : IChatRagApi
{
    public Channel<ChatStreamEvent> ChatEvents { get; private set; } = Channel.CreateUnbounded<ChatStreamEvent>();

    public List<ChatRequest> ChatRequests { get; } = [];

    public bool ChatCancelled { get; private set; }

    /// <summary>How many chat streams the page has finished reading (to the end, or abandoned).</summary>
    public int ChatStreamsEnded { get; private set; }

    /// <summary>Ends the current turn's stream (after the events written so far) and opens a channel for the next turn.</summary>
    public void NextChat()
    {
        ChatEvents.Writer.TryComplete();
        ChatEvents = Channel.CreateUnbounded<ChatStreamEvent>();
    }

    public ServerStatus Status { get; set; } = new(new DecoderStatus(true, "tiny-llm", "generative"), ["arctic-xs"], ["default"], "default");

    public ApiException? Failure { get; set; }

    public List<ConversationSummaryItem> Conversations { get; } = [];

    public List<DocumentDetails> Documents { get; } = [];

    public Func<UploadFile, UploadedDocument> OnUpload { get; set; } = f => new UploadedDocument(Guid.NewGuid(), f.Name, "queued");

    public List<string> Uploaded { get; } = [];

    public Task<ServerStatus> GetStatusAsync(CancellationToken cancellationToken = default) => Answer(Status);

    public Task<IReadOnlyList<ConversationSummaryItem>> ListConversationsAsync(CancellationToken cancellationToken = default) =>
        Answer<IReadOnlyList<ConversationSummaryItem>>(Conversations);

    public Dictionary<Guid, ConversationDetail> Stored { get; } = [];

    /// <summary>Conversations whose reading waits until the test completes their source (a slow answer).</summary>
    public Dictionary<Guid, TaskCompletionSource> HeldConversations { get; } = [];

    public async Task<ConversationDetail> GetConversationAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (HeldConversations.TryGetValue(id, out var held))
        {
            await held.Task;
        }

        return Failure is null && Stored.TryGetValue(id, out var stored)
            ? stored
            : throw Failure ?? new ApiException(new ApiProblem(404, "Unknown conversation", $"No conversation {id}."));
    }

    public List<Guid> DeletedConversations { get; } = [];

    public Task DeleteConversationAsync(Guid id, CancellationToken cancellationToken = default)
    {
        DeletedConversations.Add(id);
        return Answer(0);
    }

    /// <summary>When set, only a chat request fails (the document list still answers).</summary>
    public ApiException? ChatFailure { get; set; }

    /// <summary>When set, a chat request waits for it before it fails or streams (what the user does meanwhile).</summary>
    public TaskCompletionSource? HeldChat { get; set; }

    public async IAsyncEnumerable<ChatStreamEvent> StreamChatAsync(ChatRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ChatRequests.Add(request);
        if (HeldChat is { } held)
        {
            await held.Task;
        }

        if ((ChatFailure ?? Failure) is { } failure)
        {
            throw failure;
        }

        using var registration = cancellationToken.Register(() => ChatCancelled = true);
        try
        {
            await foreach (var chatEvent in ChatEvents.Reader.ReadAllAsync(cancellationToken))
            {
                yield return chatEvent;
            }
        }
        finally
        {
            ChatStreamsEnded++;
        }
    }

    /// <summary>When set, only the document list fails (the other calls answer).</summary>
    public ApiException? DocumentListFailure { get; set; }

    /// <summary>When set, a list read answers with the list as it was when asked, once the test completes it (a slow answer).</summary>
    public TaskCompletionSource? HeldDocumentList { get; set; }

    public async Task<IReadOnlyList<DocumentDetails>> ListDocumentsAsync(string? collection, CancellationToken cancellationToken = default)
    {
        Task<IReadOnlyList<DocumentDetails>> answer;
        lock (Documents)
        {
            answer = DocumentListFailure is not null
                ? Task.FromException<IReadOnlyList<DocumentDetails>>(DocumentListFailure)
                : Answer<IReadOnlyList<DocumentDetails>>(Documents.ToList());
        }

        if (HeldDocumentList is { } held)
        {
            await held.Task;
        }

        return await answer;
    }

    /// <summary>Documents whose reading fails with the given error (the server fails on them, or is down).</summary>
    public Dictionary<Guid, ApiException> DocumentFailures { get; } = [];

    /// <summary>Every document read (<c>GET api/v1/documents/{id}</c>), in order.</summary>
    public List<Guid> DocumentReads { get; } = [];

    /// <summary>When set, a document read answers with the document as it was when asked, once the test completes it (a slow answer).</summary>
    public TaskCompletionSource? HeldDocumentRead { get; set; }

    public async Task<DocumentDetails> GetDocumentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        Task<DocumentDetails> answer;
        lock (Documents)
        {
            DocumentReads.Add(id);

            // Documents not listed still exist (cited ones, for example) unless a test deleted them.
            answer = DocumentFailures.TryGetValue(id, out var failure) ? Task.FromException<DocumentDetails>(failure)
                : GoneDocuments.Contains(id)
                ? Task.FromException<DocumentDetails>(new ApiException(new ApiProblem(404, "Not Found", $"No document {id} is visible to this caller.")))
                : Answer(Documents.FirstOrDefault(d => d.Id == id)
                    ?? new DocumentDetails(id, "cited.pdf", "default", "ready", 1, null, new DocumentProgress(1, 1), 10, "application/pdf", DateTime.UnixEpoch, null));
        }

        if (HeldDocumentRead is { } held)
        {
            await held.Task;
        }

        return await answer;
    }

    /// <summary>Adds or replaces a document as the server would list it next.</summary>
    public void SetDocument(DocumentDetails document)
    {
        lock (Documents)
        {
            Documents.RemoveAll(d => d.Id == document.Id);
            Documents.Insert(0, document);
        }
    }

    /// <summary>When set, an upload is sent but its answer waits until the test completes it (the user leaves meanwhile).</summary>
    public TaskCompletionSource? HeldUpload { get; set; }

    public async Task<UploadedDocument> UploadAsync(UploadFile file, string collection, CancellationToken cancellationToken = default)
    {
        using (var reader = new StreamReader(file.OpenRead()))
        {
            Uploaded.Add(reader.ReadToEnd());
        }

        if (HeldUpload is { } held)
        {
            await held.Task;
        }

        return OnUpload(file);
    }

    public List<Guid> DeletedDocuments { get; } = [];

    /// <summary>Documents the server no longer has (404).</summary>
    public HashSet<Guid> GoneDocuments { get; } = [];

    public Task DeleteDocumentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        DeletedDocuments.Add(id);
        return Answer(0);
    }

    /// <summary>When set, only a re-index fails (the document list still answers).</summary>
    public ApiException? ReindexFailure { get; set; }

    /// <summary>When set, a re-index waits for it before it answers (what the user does meanwhile).</summary>
    public TaskCompletionSource? HeldReindex { get; set; }

    public async Task ReindexDocumentAsync(Guid id, CancellationToken cancellationToken = default)
    {
        if (HeldReindex is { } held)
        {
            await held.Task;
        }

        if (ReindexFailure is { } failure)
        {
            throw failure;
        }

        await Answer(0);
    }

    private Task<T> Answer<T>(T value) => Failure is null ? Task.FromResult(value) : Task.FromException<T>(Failure);
}
