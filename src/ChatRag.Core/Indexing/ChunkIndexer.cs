using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace ChatRag.Core.Indexing;

/// <summary>Embeds stored chunks with the configured encoders and writes the vectors to the vector index.</summary>
public sealed class ChunkIndexer(IEncoderCatalog encoders, IVectorIndex vectors)
{
    /// <summary>Creates the vector spaces of all encoders (fails fast on a dimension mismatch).</summary>
    public async Task EnsureSpacesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var encoder in encoders.Encoders)
        {
            await vectors.EnsureSpaceAsync(new VectorSpace(encoder.Space, encoder.Dimensions), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Embeds and upserts the chunks with every encoder, in batches; reports chunks done after each batch.</summary>
    public async Task IndexAsync(IReadOnlyList<StoredChunk> chunks, int batchSize = 256, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        for (var start = 0; start < chunks.Count; start += batchSize)
        {
            var batch = chunks.Skip(start).Take(batchSize).ToList();
            foreach (var encoder in encoders.Encoders)
            {
                await IndexBatchAsync(encoder, batch, cancellationToken).ConfigureAwait(false);
            }

            progress?.Report(start + batch.Count);
        }
    }

    /// <summary>Embeds and upserts the chunks with one encoder only (for example one newly added to the ensemble).</summary>
    public async Task IndexAsync(NamedEncoder encoder, IReadOnlyList<StoredChunk> chunks, int batchSize = 256, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        await vectors.EnsureSpaceAsync(new VectorSpace(encoder.Space, encoder.Dimensions), cancellationToken).ConfigureAwait(false);
        for (var start = 0; start < chunks.Count; start += batchSize)
        {
            var batch = chunks.Skip(start).Take(batchSize).ToList();
            await IndexBatchAsync(encoder, batch, cancellationToken).ConfigureAwait(false);
            progress?.Report(start + batch.Count);
        }
    }

    private async Task IndexBatchAsync(NamedEncoder encoder, List<StoredChunk> batch, CancellationToken cancellationToken)
    {
        var embeddings = await encoder.Generator.GenerateAsync(batch.Select(c => c.Text).ToList(), EmbeddingPurpose.ForDocument(), cancellationToken).ConfigureAwait(false);
        var records = batch.Select((c, i) => new VectorRecord(c.Id, c.DocumentId, c.Collection, embeddings[i].Vector, c.Text)).ToList();
        await vectors.UpsertAsync(encoder.Space, records, cancellationToken).ConfigureAwait(false);
    }
}
