using ChatRag.Core.Indexing;
using ChatRag.VectorStore.Qdrant.Tests.Fakes;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant.Tests;

/// <summary>What the adapter creates in Qdrant and what it writes into each point.</summary>
public sealed class QdrantVectorIndexSchemaTests
{
    private readonly InMemoryQdrantClient server = new();

    [Fact]
    public async Task A_space_becomes_a_prefixed_collection_with_named_dense_and_idf_sparse_vectors()
    {
        await QdrantTestIndex.OpenAsync(server, 48, o =>
        {
            o.CollectionPrefix = "acme_";
            o.HnswM = 24;
            o.HnswEfConstruct = 200;
            o.ShardNumber = 3;
            o.ReplicationFactor = 2;
            o.WriteConsistencyFactor = 2;
        });

        var create = Assert.Single(server.RequestsOf<CreateCollection>());
        Assert.Equal("acme_" + QdrantTestIndex.Space, create.CollectionName);
        var dense = create.VectorsConfig.ParamsMap.Map[QdrantSchema.DenseVector];
        Assert.Equal(48UL, dense.Size);
        Assert.Equal(Distance.Cosine, dense.Distance);
        Assert.Equal(Modifier.Idf, create.SparseVectorsConfig.Map[QdrantSchema.SparseVector].Modifier);
        Assert.Equal(24UL, create.HnswConfig.M);
        Assert.Equal(200UL, create.HnswConfig.EfConstruct);
        Assert.Equal((3U, 2U, 2U), (create.ShardNumber, create.ReplicationFactor, create.WriteConsistencyFactor));
    }

    [Fact]
    public async Task The_chatrag_collection_field_gets_a_tenant_keyword_index_and_documents_a_keyword_index()
    {
        var index = await QdrantTestIndex.OpenAsync(server);

        var schema = server.PayloadSchema(index.CollectionName(QdrantTestIndex.Space));

        Assert.Equal(PayloadSchemaType.Keyword, schema[QdrantSchema.CollectionField].DataType);
        Assert.True(schema[QdrantSchema.CollectionField].Params.KeywordIndexParams.IsTenant);
        Assert.Equal(PayloadSchemaType.Keyword, schema[QdrantSchema.DocumentIdField].DataType);
    }

    [Fact]
    public async Task Ensuring_an_existing_space_again_creates_nothing()
    {
        var index = await QdrantTestIndex.OpenAsync(server);

        await index.EnsureSpaceAsync(new VectorSpace(QdrantTestIndex.Space, 8));

        Assert.Single(server.Calls, c => c == "create_collection");
        Assert.Equal(2, server.Calls.Count(c => c == "create_payload_index"));
    }

    [Fact]
    public async Task Points_carry_collection_document_and_chunk_payload_and_a_bm25_sparse_vector()
    {
        var index = await QdrantTestIndex.OpenAsync(server);
        var document = Guid.NewGuid();
        const string text = "Qdrant stores the sparse vector; Qdrant applies IDF.";

        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(42, document, "manuals", QdrantTestIndex.Unit(8, 1), text), new VectorRecord(43, document, "manuals", QdrantTestIndex.Unit(8, 0, 1))]);

        var point = server.Point(index.CollectionName(QdrantTestIndex.Space), 42)!;
        Assert.Equal("manuals", point.Payload[QdrantSchema.CollectionField].StringValue);
        Assert.Equal(document.ToString("D"), point.Payload[QdrantSchema.DocumentIdField].StringValue);
        Assert.Equal(42, point.Payload[QdrantSchema.ChunkIdField].IntegerValue);
        var sparse = point.Vectors.Vectors_.Vectors[QdrantSchema.SparseVector].Sparse;
        var expected = SparseTermEncoder.EncodeDocument(text);
        Assert.Equal(expected.Indices, sparse.Indices);
        Assert.Equal(expected.Values, sparse.Values);
        var withoutText = server.Point(index.CollectionName(QdrantTestIndex.Space), 43)!;
        Assert.False(withoutText.Vectors.Vectors_.Vectors.ContainsKey(QdrantSchema.SparseVector));
    }

    [Fact]
    public async Task An_existing_collection_of_another_size_is_a_dimension_mismatch()
    {
        await QdrantTestIndex.OpenAsync(server, 32);
        var restarted = QdrantTestIndex.Create(server);

        var error = await Assert.ThrowsAsync<VectorSpaceMismatchException>(() => restarted.EnsureSpaceAsync(new VectorSpace(QdrantTestIndex.Space, 48)));

        Assert.Equal((32, 48), (error.Existing, error.Requested));
        Assert.Contains(QdrantTestIndex.Space, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collection_not_made_by_chatrag_is_refused_with_a_clear_error()
    {
        await server.CreateCollectionAsync(
            new CreateCollection { CollectionName = "chatrag_" + QdrantTestIndex.Space, VectorsConfig = new VectorsConfig { Params = new VectorParams { Size = 8, Distance = Distance.Cosine } } },
            CancellationToken.None);
        var index = QdrantTestIndex.Create(server);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => index.EnsureSpaceAsync(new VectorSpace(QdrantTestIndex.Space, 8)));

        Assert.Contains("not created by ChatRag", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_by_document_filters_on_document_id_in_prefixed_collections_only()
    {
        var index = await QdrantTestIndex.OpenAsync(server);
        var foreign = QdrantTestIndex.Create(server, o => o.CollectionPrefix = "other_");
        await foreign.EnsureSpaceAsync(new VectorSpace(QdrantTestIndex.Space, 8));
        var document = Guid.NewGuid();
        VectorRecord[] records = [new(1, document, "a", QdrantTestIndex.Unit(8, 1)), new(2, Guid.NewGuid(), "a", QdrantTestIndex.Unit(8, 0, 1))];
        await index.UpsertAsync(QdrantTestIndex.Space, records);
        await foreign.UpsertAsync(QdrantTestIndex.Space, records);

        await index.DeleteDocumentAsync(document);

        Assert.Equal(1, await index.CountAsync(QdrantTestIndex.Space));
        Assert.Equal(2, await foreign.CountAsync(QdrantTestIndex.Space));
        var filter = Assert.Single(server.RequestsOf<DeletePoints>()).Points.Filter;
        Assert.Equal(QdrantSchema.DocumentIdField, filter.Must[0].Field.Key);
        Assert.Equal(document.ToString("D"), filter.Must[0].Field.Match.Keyword);
    }

    [Fact]
    public async Task With_replicas_writes_are_ordered_through_the_leader_and_acknowledged_by_a_majority_that_reads_consult()
    {
        var index = await QdrantTestIndex.OpenAsync(server, configure: o => o.ReplicationFactor = 3);

        await index.UpsertAsync(QdrantTestIndex.Space, [new VectorRecord(1, Guid.NewGuid(), "a", QdrantTestIndex.Unit(8, 1), "words")]);
        await index.DeleteDocumentAsync(Guid.NewGuid());
        await index.SearchAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 3, ["a"]));
        await index.SearchHybridAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 3, ["a"]), "words");

        Assert.Equal(2U, Assert.Single(server.RequestsOf<CreateCollection>()).WriteConsistencyFactor); // 2 of 3: a majority
        Assert.Equal(WriteOrderingType.Medium, Assert.Single(server.RequestsOf<UpsertPoints>()).Ordering.Type);
        Assert.Equal(WriteOrderingType.Medium, Assert.Single(server.RequestsOf<DeletePoints>()).Ordering.Type);
        Assert.All(server.RequestsOf<QueryPoints>(), q => Assert.Equal(ReadConsistencyType.Majority, q.ReadConsistency.Type));
    }

    [Fact]
    public async Task Without_replicas_reads_ask_one_replica()
    {
        var index = await QdrantTestIndex.OpenAsync(server);

        await index.SearchAsync(QdrantTestIndex.Space, new VectorQuery(QdrantTestIndex.Unit(8, 1), 3, ["a"]));

        Assert.Null(Assert.Single(server.RequestsOf<QueryPoints>()).ReadConsistency);
        Assert.Equal(1U, Assert.Single(server.RequestsOf<CreateCollection>()).WriteConsistencyFactor);
    }
}
