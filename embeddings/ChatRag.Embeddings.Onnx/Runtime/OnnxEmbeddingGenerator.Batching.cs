using System.Buffers;
using System.Diagnostics;
using ChatRag.Embeddings.Onnx.Diagnostics;
using ChatRag.Embeddings.Onnx.Models;
using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Embeddings.Onnx.Runtime;

public sealed partial class OnnxEmbeddingGenerator
{
    /// <summary>
    /// Embeds token sequences: sorted by length so each batch pads only to its own longest, batches run up to
    /// MaxParallelism at a time, cancellation is checked between batches, results come back in input order.
    /// </summary>
    internal async Task<float[][]> EmbedAsync(int[][] ids, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var results = new float[ids.Length][];
        if (ids.Length == 0)
        {
            return results;
        }

        var order = Enumerable.Range(0, ids.Length).OrderBy(i => ids[i].Length).ToArray();
        var batches = order.Chunk(options.BatchSize).ToArray();
        if (batches.Length == 1 || options.MaxParallelism == 1)
        {
            foreach (var batch in batches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                RunBatch(batch, ids, results);
                await Task.Yield();
            }

            return results;
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(batches, parallel, (batch, _) =>
        {
            RunBatch(batch, ids, results);
            return ValueTask.CompletedTask;
        }).ConfigureAwait(false);
        return results;
    }

    private void RunBatch(int[] rows, int[][] ids, float[][] results)
    {
        var started = Stopwatch.GetTimestamp();
        var batch = rows.Length;
        var length = 0;
        var tokens = 0L;
        foreach (var row in rows)
        {
            length = Math.Max(length, ids[row].Length);
            tokens += ids[row].Length;
        }

        var cells = batch * length;
        var dims = session.HiddenSize;
        var outputCells = session.OutputRank == 3 ? cells * dims : batch * dims;
        var inputIds = ArrayPool<long>.Shared.Rent(cells);
        var mask = ArrayPool<long>.Shared.Rent(cells);
        var types = ArrayPool<long>.Shared.Rent(cells);
        var hidden = ArrayPool<float>.Shared.Rent(outputCells);
        try
        {
            Fill(rows, ids, length, inputIds, mask, types);
            RunGraph(batch, length, inputIds, mask, types, hidden, outputCells);
            for (var r = 0; r < batch; r++)
            {
                var vector = new float[dims];
                if (session.OutputRank == 2)
                {
                    hidden.AsSpan(r * dims, dims).CopyTo(vector);
                }
                else
                {
                    var states = hidden.AsSpan(r * length * dims, length * dims);
                    if (Pooling == EncoderPooling.Mean)
                    {
                        EmbeddingPooling.Mean(states, mask.AsSpan(r * length, length), vector);
                    }
                    else
                    {
                        EmbeddingPooling.Cls(states, vector);
                    }
                }

                if (Model.Config.Normalize)
                {
                    EmbeddingPooling.Normalize(vector);
                }

                results[rows[r]] = vector;
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(inputIds);
            ArrayPool<long>.Shared.Return(mask);
            ArrayPool<long>.Shared.Return(types);
            ArrayPool<float>.Shared.Return(hidden);
        }

        var tags = new KeyValuePair<string, object?>("chatrag.encoder", Model.Config.Name);
        EncoderTelemetry.Sequences.Add(batch, tags);
        EncoderTelemetry.Tokens.Add(tokens, tags);
        EncoderTelemetry.BatchDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
    }

    private void Fill(int[] rows, int[][] ids, int length, long[] inputIds, long[] mask, long[] types)
    {
        var pad = Tokenizer.PadId;
        for (var r = 0; r < rows.Length; r++)
        {
            var sequence = ids[rows[r]];
            var offset = r * length;
            for (var t = 0; t < sequence.Length; t++)
            {
                inputIds[offset + t] = sequence[t];
                mask[offset + t] = 1;
            }

            inputIds.AsSpan(offset + sequence.Length, length - sequence.Length).Fill(pad);
            mask.AsSpan(offset + sequence.Length, length - sequence.Length).Clear();
        }

        types.AsSpan(0, rows.Length * length).Clear();
    }

    /// <summary>Runs the graph over tensors that wrap the pooled arrays (pinned for the call), so nothing is copied.</summary>
    private void RunGraph(int batch, int length, long[] inputIds, long[] mask, long[] types, float[] hidden, int outputCells)
    {
        var shape = new long[] { batch, length };
        var outputShape = session.OutputRank == 3 ? new long[] { batch, length, session.HiddenSize } : [batch, session.HiddenSize];
        var memory = OrtMemoryInfo.DefaultInstance;
        var cells = batch * length;
        using var idsValue = OrtValue.CreateTensorValueFromMemory(memory, inputIds.AsMemory(0, cells), shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(memory, mask.AsMemory(0, cells), shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(memory, types.AsMemory(0, cells), shape);
        using var outputValue = OrtValue.CreateTensorValueFromMemory(memory, hidden.AsMemory(0, outputCells), outputShape);
        using var runOptions = new RunOptions();
        string[] names = session.HasTokenTypes ? ["input_ids", "attention_mask", "token_type_ids"] : ["input_ids", "attention_mask"];
        OrtValue[] values = session.HasTokenTypes ? [idsValue, maskValue, typesValue] : [idsValue, maskValue];
        Run(runOptions, names, values, outputValue);
    }
}
