using ChatRag.Core.Documents;
using ChatRag.Core.Embeddings;
using Microsoft.Extensions.AI;

namespace ChatRag.Core.Indexing;

/// <summary>Embeds stored chunks with every configured encoder and writes the vectors to the vector index.</summary>
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

    /// <summary>Embeds and upserts the chunks in batches of <paramref name="batchSize"/>; reports chunks done after each batch.</summary>
    public async Task IndexAsync(IReadOnlyList<StoredChunk> chunks, int batchSize = 256, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        for (var start = 0; start < chunks.Count; start += batchSize)
        {
            var batch = chunks.Skip(start).Take(batchSize).ToList();
            var texts = batch.Select(c => c.Text).ToList();
            foreach (var encoder in encoders.Encoders)
            {
                var embeddings = await encoder.Generator.GenerateAsync(texts, EmbeddingPurpose.ForDocument(), cancellationToken).ConfigureAwait(false);
                var records = batch.Select((c, i) => new VectorRecord(c.Id, c.DocumentId, c.Collection, embeddings[i].Vector, c.Text)).ToList();
                await vectors.UpsertAsync(encoder.Space, records, cancellationToken).ConfigureAwait(false);
            }

            progress?.Report(start + batch.Count);
        }
    }
}
