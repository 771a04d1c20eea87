using System.Text.Json;
using ChatRag.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace ChatRag.Storage.Sqlite.Conversations;

/// <summary>SQLite implementation of <see cref="IConversationStore"/>.</summary>
public sealed class SqliteConversationStore(IDbContextFactory<ConversationsDbContext> contexts, TimeProvider clock) : IConversationStore
{
    /// <inheritdoc />
    public async Task<ConversationSummary> CreateAsync(
        string title, string collection, Guid? owner, IReadOnlyList<Guid>? documents = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new ConversationEntity
        {
            Id = Guid.NewGuid(), Title = title, Collection = collection, OwnerKeyId = owner, DocumentIds = DocumentsJson(documents), CreatedAt = now, UpdatedAt = now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Conversations.Add(entity);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToSummary(entity);
    }

    /// <inheritdoc />
    public async Task<ConversationSummary?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var entity = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToSummary(entity);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(Guid? owner, string? collection, int limit, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Conversations.AsNoTracking();
        if (owner is not null)
        {
            query = query.Where(c => c.OwnerKeyId == owner);
        }

        if (collection is not null)
        {
            query = query.Where(c => c.Collection == collection);
        }

        var rows = await query.OrderByDescending(c => c.UpdatedAt).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(ToSummary).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Messages.AsNoTracking().Where(m => m.ConversationId == id).OrderBy(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(m => new ConversationMessage(m.Role, m.Content, m.CitationsJson, m.TraceJson, Utc(m.CreatedAt))).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ConversationMessage>> GetRecentMessagesAsync(Guid id, int count, CancellationToken cancellationToken = default)
    {
        if (count <= 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);

        // Newest first with a LIMIT, and only the columns a prompt uses: a long conversation's traces stay on disk.
        var rows = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == id)
            .OrderByDescending(m => m.Id)
            .Take(count)
            .Select(m => new { m.Role, m.Content, m.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        rows.Reverse();
        return rows.Select(m => new ConversationMessage(m.Role, m.Content, null, null, Utc(m.CreatedAt))).ToList();
    }

    /// <inheritdoc />
    public async Task AppendAsync(Guid id, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Conversation {id} does not exist.");
        foreach (var m in messages)
        {
            db.Messages.Add(new MessageEntity
            {
                ConversationId = id, Role = m.Role, Content = m.Content, CitationsJson = m.CitationsJson, TraceJson = m.TraceJson, CreatedAt = m.CreatedAt.UtcDateTime,
            });
        }

        conversation.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> SetDocumentsAsync(Guid id, IReadOnlyList<Guid> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var json = DocumentsJson(documents);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Conversations.Where(c => c.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.DocumentIds, json), cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Conversations.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static ConversationSummary ToSummary(ConversationEntity c) =>
        new(c.Id, c.Title, c.Collection, c.OwnerKeyId, Utc(c.CreatedAt), Utc(c.UpdatedAt))
        {
            Documents = c.DocumentIds is null ? [] : JsonSerializer.Deserialize<List<Guid>>(c.DocumentIds) ?? [],
        };

    // Null, not "[]", for the whole collection: rows written before the column existed read the same.
    private static string? DocumentsJson(IReadOnlyList<Guid>? documents) =>
        documents is { Count: > 0 } ? JsonSerializer.Serialize(documents.Distinct().ToList()) : null;

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
