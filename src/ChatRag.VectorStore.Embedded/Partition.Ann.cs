using ChatRag.VectorStore.Embedded.Ann;
using ChatRag.VectorStore.Embedded.Diagnostics;
using Cloud.Unum.USearch;
using Microsoft.Extensions.Logging;

namespace ChatRag.VectorStore.Embedded;

/// <summary>The HNSW graph of a large partition: built past the threshold, kept up to date on writes, saved beside the journal.</summary>
internal sealed partial class Partition
{
    private HnswIndex? ann;
    private long annRemoved;
    private bool annDirty;
    private readonly HashSet<long> pendingAnn = [];

    /// <summary>Path of the saved graph (its meta file adds <c>.meta</c>).</summary>
    public string AnnPath { get; }

    /// <summary>Whether searches go through the graph.</summary>
    public bool HasAnn => ann is not null;

    /// <summary>Graphs built from scratch by this instance (tests check that a valid saved graph is reused).</summary>
    public int AnnBuilds { get; private set; }

    /// <summary>Changes the graph's search expansion in place (benchmark sweeps; not persisted).</summary>
    public void SetSearchExpansion(int expansion) => ann?.SetExpansionSearch(expansion);

    private string AnnMetaPath => AnnPath + ".meta";

    private HnswParameters AnnParameters => new(
        options.Connectivity,
        options.ExpansionAdd,
        options.ExpansionSearch,
        Math.Max(1, Environment.ProcessorCount),
        Math.Max(8, Environment.ProcessorCount * 4),
        options.AnnQuantization switch
        {
            AnnQuantization.F16 => ScalarKind.Float16,
            AnnQuantization.I8 => ScalarKind.Int8,
            _ => ScalarKind.Float32,
        });

    private void OpenAnn(AnnMeta? saved, HashSet<long> touchedSinceSave)
    {
        if (Count < options.AnnThreshold)
        {
            DeleteAnnFiles();
            return;
        }

        if (saved is not null && saved.Generation == log.Generation && saved.LogLength <= log.Length && File.Exists(AnnPath)
            && touchedSinceSave.Count <= Count / 2)
        {
            try
            {
                ann = HnswIndex.Load(AnnPath, dimensions, AnnParameters);
                foreach (var chunkId in touchedSinceSave)
                {
                    if (slotOf.TryGetValue(chunkId, out var slot))
                    {
                        ann.Upsert(chunkId, vectors.AsSpan(slot * dimensions, dimensions));
                    }
                    else
                    {
                        ann.Remove(chunkId);
                    }
                }

                if (ann.Count == Count)
                {
                    annDirty = touchedSinceSave.Count > 0;
                    return;
                }

                logger.LogWarning("Saved graph {Path} holds {Graph} vectors but the journal {Count}; rebuilding.", AnnPath, ann.Count, Count);
            }
            catch (USearchException error)
            {
                logger.LogWarning(error, "Saved graph {Path} could not be loaded; rebuilding.", AnnPath);
            }

            ann?.Dispose();
            ann = null;
        }

        BuildAnn();
    }

    private void MaintainAnn()
    {
        if (ann is null && Count >= options.AnnThreshold)
        {
            BuildAnn();
        }
        else if (ann is not null && Count < options.AnnThreshold / 2)
        {
            // Hysteresis: drop the graph only well below the threshold, so a partition at the edge does not flap.
            ann.Dispose();
            ann = null;
            DeleteAnnFiles();
        }
    }

    private void AfterCompaction()
    {
        if (ann is null)
        {
            return;
        }

        // Removed nodes stay in the graph as dead weight; rebuild once they are a sizeable share, else re-stamp the save.
        if (annRemoved > options.CompactionRatio * Count)
        {
            ann.Dispose();
            ann = null;
            BuildAnn();
        }
        else
        {
            SaveAnn();
        }
    }

    private void BuildAnn()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var liveSlots = new List<int>(Count);
        for (var slot = 0; slot < slots; slot++)
        {
            if (live[slot])
            {
                liveSlots.Add(slot);
            }
        }

        var graph = HnswIndex.Create(dimensions, AnnParameters);
        graph.AddMany(liveSlots.ConvertAll(s => chunkIds[s]), i => vectors.AsMemory(liveSlots[i] * dimensions, dimensions));
        ann = graph;
        annRemoved = 0;
        AnnBuilds++;
        EmbeddedVectorIndexTelemetry.AnnBuilds.Add(1);
        SaveAnn();
        logger.LogInformation("Built HNSW graph for {Path}: {Count} vectors in {Elapsed}.", log.Path, Count, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    private void AnnUpsert(long chunkId, ReadOnlySpan<float> vector)
    {
        if (ann is not null)
        {
            // Deferred to FlushAnn, so a batch is inserted into the graph in parallel rather than one vector at a time.
            pendingAnn.Add(chunkId);
        }
    }

    private void AnnRemove(long chunkId)
    {
        if (ann is not null)
        {
            pendingAnn.Add(chunkId);
        }
    }

    /// <summary>Brings the graph in line with the batch just applied: removes every touched key, re-adds the live ones.</summary>
    private void FlushAnn()
    {
        if (ann is null || pendingAnn.Count == 0)
        {
            pendingAnn.Clear();
            return;
        }

        var readd = new List<long>(pendingAnn.Count);
        foreach (var chunkId in pendingAnn)
        {
            if (ann.Remove(chunkId))
            {
                annRemoved++;
            }

            if (slotOf.ContainsKey(chunkId))
            {
                readd.Add(chunkId);
            }
        }

        ann.AddMany(readd, i => vectors.AsMemory(slotOf[readd[i]] * dimensions, dimensions));
        pendingAnn.Clear();
        annDirty = true;
    }

    private void SaveAnnIfDirty()
    {
        if (ann is not null && annDirty)
        {
            SaveAnn();
        }
    }

    private void SaveAnn()
    {
        if (ann is null)
        {
            return;
        }

        var temporary = AnnPath + ".tmp";
        ann.Save(temporary);
        File.Move(temporary, AnnPath, overwrite: true);
        new AnnMeta(log.Generation, log.Length).Write(AnnMetaPath);
        annDirty = false;
    }

    private void DeleteAnnFiles()
    {
        File.Delete(AnnMetaPath);
        File.Delete(AnnPath);
    }
}
