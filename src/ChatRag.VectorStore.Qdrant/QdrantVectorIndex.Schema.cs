using ChatRag.Core.Indexing;
using Qdrant.Client.Grpc;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>The start-up check that an existing collection has everything the adapter writes and queries.</summary>
public sealed partial class QdrantVectorIndex
{
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
