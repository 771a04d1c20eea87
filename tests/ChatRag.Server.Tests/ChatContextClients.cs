using System.Runtime.CompilerServices;
using ChatRag.Core.Conversations;
using Microsoft.Extensions.AI;

namespace ChatRag.Server.Tests;

/// <summary>A model that reports a small context window and counts one token per word, as the in-process decoder would report its own.</summary>
internal sealed class SmallContextChatClient(IChatClient inner, int contextTokens) : DelegatingChatClient(inner), IPromptTokenCounter
{
    public int ContextTokens => contextTokens;

    public int CountTokens(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(IPromptTokenCounter) ? this : base.GetService(serviceType, serviceKey);
}

/// <summary>A model whose prompt outgrows its context once tool results are added: it fails the second round, as the ONNX decoder does.</summary>
internal sealed class OverflowOnToolResultsChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        if (list.Any(m => m.Contents.OfType<FunctionResultContent>().Any()))
        {
            await Task.Yield();
            throw new ArgumentException("The prompt has 9000 tokens; it must have between 1 and 4095.");
        }

        await foreach (var update in base.GetStreamingResponseAsync(list, options, cancellationToken))
        {
            yield return update;
        }
    }
}

/// <summary>A conversation store that refuses to read whole conversations: a chat turn must load only the messages it uses.</summary>
internal sealed class NoWholeConversationStore(IConversationStore inner) : IConversationStore
{
    public Task<ConversationSummary> CreateAsync(
        string title, string collection, Guid? owner, IReadOnlyList<Guid>? documents = null, CancellationToken cancellationToken = default) =>
        inner.CreateAsync(title, collection, owner, documents, cancellationToken);

    public Task<bool> SetDocumentsAsync(Guid id, IReadOnlyList<Guid> documents, CancellationToken cancellationToken = default) =>
        inner.SetDocumentsAsync(id, documents, cancellationToken);

    public Task<ConversationSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default) => inner.GetAsync(id, cancellationToken);

    public Task<IReadOnlyList<ConversationSummary>> ListAsync(Guid? owner, string? collection, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(owner, collection, limit, cancellationToken);

    public Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(Guid id, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("A chat turn read the whole conversation, traces included.");

    public Task<IReadOnlyList<ConversationMessage>> GetRecentMessagesAsync(Guid id, int count, CancellationToken cancellationToken = default) =>
        inner.GetRecentMessagesAsync(id, count, cancellationToken);

    public Task AppendAsync(Guid id, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken = default) =>
        inner.AppendAsync(id, messages, cancellationToken);

    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default) => inner.DeleteAsync(id, cancellationToken);
}
