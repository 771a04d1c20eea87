using ChatRag.Core.Indexing;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Start-up: creating the collection (or adopting one that exists) and checking it has everything the adapter writes and queries.</summary>
public sealed partial class QdrantVectorIndex
{
    // Another server instance may have created it between our check and our create (AlreadyExists), or, in distributed
    // mode, Qdrant answers "Waiting for consensus operation commit failed" and the collection appears moments later:
    // either way the collection that exists is adopted (and validated by the caller).
    private async Task CreateOrAdoptAsync(string name, VectorSpace space, CancellationToken cancellationToken)
    {
        try
        {
            await retry.RunAsync("create_collection", ct => client.CreateCollectionAsync(QdrantRequests.CreateCollection(name, space.Dimensions, options), ct), cancellationToken).ConfigureAwait(false);
        }
        catch (RpcException)
        {
            for (var attempt = 0; ; attempt++)
            {
                if (await retry.RunAsync("collection_exists", ct => client.CollectionExistsAsync(name, ct), cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                if (attempt >= retry.RetryCount)
                {
                    throw;
                }

                await retry.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // Without this a collection made by hand or by another tool passes start-up and every upsert then fails
    // ("Not existing vector name"), or hybrid search silently loses its IDF weighting.
    private static void CheckSchema(VectorSpace space, string name, CollectionInfo info)
    {
        var differences = new List<string>();
        var vectors = info.Config?.Params?.VectorsConfig;
        if (vectors?.ParamsMap is { } map && map.Map.TryGetValue(QdrantSchema.DenseVector, out var dense))
        {
            if ((int)dense.Size != space.Dimensions)
            {
                throw new VectorSpaceMismatchException(space.Name, (int)dense.Size, space.Dimensions);
            }

            if (dense.Distance != Distance.Cosine)
            {
                differences.Add($"dense vector '{QdrantSchema.DenseVector}' uses {dense.Distance} distance, not Cosine");
            }
        }
        else
        {
            differences.Add($"no named dense vector '{QdrantSchema.DenseVector}'");
        }

        var sparseMap = info.Config?.Params?.SparseVectorsConfig?.Map;
        if (sparseMap is null || !sparseMap.TryGetValue(QdrantSchema.SparseVector, out var sparse))
        {
            differences.Add($"no sparse vector '{QdrantSchema.SparseVector}'");
        }
        else if (!sparse.HasModifier || sparse.Modifier != Modifier.Idf)
        {
            differences.Add($"sparse vector '{QdrantSchema.SparseVector}' lacks the Idf modifier");
        }

        if (info.PayloadSchema.TryGetValue(QdrantSchema.CollectionField, out var tenant)
            && (tenant.DataType != PayloadSchemaType.Keyword || tenant.Params?.KeywordIndexParams is not { IsTenant: true }))
        {
            differences.Add($"payload index '{QdrantSchema.CollectionField}' is not a keyword index with is_tenant=true");
        }

        if (info.PayloadSchema.TryGetValue(QdrantSchema.DocumentIdField, out var document) && document.DataType != PayloadSchemaType.Keyword)
        {
            differences.Add($"payload index '{QdrantSchema.DocumentIdField}' is {document.DataType}, not Keyword");
        }

        if (differences.Count > 0)
        {
            throw new InvalidOperationException(
                $"Qdrant collection '{name}' does not have ChatRag's schema: {string.Join("; ", differences)}. It was not created by ChatRag "
                + "(vectors cannot be added to an existing collection): remove it, or choose another ChatRag:Qdrant:CollectionPrefix.");
        }
    }
}
