using ChatRag.Core.Indexing;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>A deployment deletes only in the collections it owns, even when another deployment's names share its prefix.</summary>
public abstract partial class QdrantBehaviourTests
{
    [Fact]
    public async Task Deleting_a_document_leaves_collections_whose_names_merely_start_with_the_prefix()
    {
        var production = await OpenAsync();
        var staging = Create(o => o.CollectionPrefix = Prefix + "staging_"); // "chatrag_" is a prefix of "chatrag_staging_"
        await staging.EnsureSpaceAsync(new VectorSpace(Space, 8));
        var document = Guid.NewGuid();
        VectorRecord[] records = [new(1, document, "a", Unit(1)), new(2, Guid.NewGuid(), "a", Unit(0, 1))];
        await production.UpsertAsync(Space, records);
        await staging.UpsertAsync(Space, records);

        await production.DeleteDocumentAsync(document);

        Assert.Equal(1, await production.CountAsync(Space));
        Assert.Equal(2, await staging.CountAsync(Space));
    }

    [Fact]
    public async Task Deleting_a_document_reaches_every_space_this_deployment_opened()
    {
        var index = await OpenAsync();
        await index.EnsureSpaceAsync(new VectorSpace("second", 8));
        var document = Guid.NewGuid();
        await index.UpsertAsync(Space, [new VectorRecord(1, document, "a", Unit(1))]);
        await index.UpsertAsync("second", [new VectorRecord(1, document, "a", Unit(1)), new VectorRecord(2, Guid.NewGuid(), "a", Unit(1))]);

        await index.DeleteDocumentAsync(document);

        Assert.Equal((0L, 1L), (await index.CountAsync(Space), await index.CountAsync("second")));
    }
}
