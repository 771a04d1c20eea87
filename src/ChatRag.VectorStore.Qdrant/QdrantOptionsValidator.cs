using Microsoft.Extensions.Options;

namespace ChatRag.VectorStore.Qdrant;

/// <summary>Checks what data annotations cannot: an absolute http(s) URL, a write consistency the replicas can meet, an HNSW layout that builds a graph.</summary>
public sealed class QdrantOptionsValidator : IValidateOptions<QdrantOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, QdrantOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{QdrantOptions.SectionName}:Url must be an absolute http(s) URL of Qdrant's gRPC port, got '{options.Url}'.");
        }
        else if (uri.Port == 6333)
        {
            failures.Add($"{QdrantOptions.SectionName}:Url points at port 6333 (Qdrant's REST API); the client speaks gRPC on 6334.");
        }

        if (options.EffectiveWriteConsistencyFactor() > options.ReplicationFactor)
        {
            failures.Add($"{QdrantOptions.SectionName}:WriteConsistencyFactor ({options.WriteConsistencyFactor}) cannot exceed ReplicationFactor ({options.ReplicationFactor}).");
        }

        if (options.HnswM == 0 && options.HnswPayloadM is null or 0)
        {
            // m = 0 turns the global HNSW graph off; without per-tenant graphs (payload_m) every search is a full scan.
            failures.Add($"{QdrantOptions.SectionName}:HnswM = 0 builds no graph unless HnswPayloadM is set above 0 (Qdrant's multitenancy layout).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
