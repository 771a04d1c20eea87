using ChatRag.Core.Indexing;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant.Tests.Behaviour;

/// <summary>Start-up refuses a collection that lacks part of ChatRag's schema, naming the difference, as the real server reports it.</summary>
public abstract partial class QdrantBehaviourTests
{
    [Fact]
    public async Task A_dense_only_collection_fails_start_up_naming_the_missing_sparse_vector()
    {
        await CreateRawAsync(Distance.Cosine, sparse: null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Create().EnsureSpaceAsync(new VectorSpace(Space, 8)));

        Assert.Contains($"no sparse vector '{QdrantSchema.SparseVector}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sparse_vector_without_idf_fails_start_up()
    {
        await CreateRawAsync(Distance.Cosine, new SparseVectorParams());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Create().EnsureSpaceAsync(new VectorSpace(Space, 8)));

        Assert.Contains("lacks the Idf modifier", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dense_vector_with_another_distance_fails_start_up()
    {
        await CreateRawAsync(Distance.Dot, new SparseVectorParams { Modifier = Modifier.Idf });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Create().EnsureSpaceAsync(new VectorSpace(Space, 8)));

        Assert.Contains("Dot distance, not Cosine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collection_index_without_is_tenant_fails_start_up()
    {
        var name = await CreateRawAsync(Distance.Cosine, new SparseVectorParams { Modifier = Modifier.Idf });
        await Server.CreatePayloadIndexAsync(name, QdrantSchema.CollectionField, PayloadSchemaType.Keyword, null, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Create().EnsureSpaceAsync(new VectorSpace(Space, 8)));

        Assert.Contains("is_tenant=true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_payload_indexes_are_added_to_an_otherwise_complete_collection()
    {
        var name = await CreateRawAsync(Distance.Cosine, new SparseVectorParams { Modifier = Modifier.Idf });

        await Create().EnsureSpaceAsync(new VectorSpace(Space, 8));

        var schema = (await Server.GetCollectionInfoAsync(name, CancellationToken.None)).PayloadSchema;
        Assert.True(schema[QdrantSchema.CollectionField].Params.KeywordIndexParams.IsTenant);
        Assert.Equal(PayloadSchemaType.Keyword, schema[QdrantSchema.DocumentIdField].DataType);
    }

    private async Task<string> CreateRawAsync(Distance distance, SparseVectorParams? sparse)
    {
        var request = new CreateCollection
        {
            CollectionName = Prefix + Space,
            VectorsConfig = new VectorsConfig { ParamsMap = new VectorParamsMap { Map = { [QdrantSchema.DenseVector] = new VectorParams { Size = 8, Distance = distance } } } },
        };
        if (sparse is not null)
        {
            request.SparseVectorsConfig = new SparseVectorConfig { Map = { [QdrantSchema.SparseVector] = sparse } };
        }

        await Server.CreateCollectionAsync(request, CancellationToken.None);
        return request.CollectionName;
    }
}
