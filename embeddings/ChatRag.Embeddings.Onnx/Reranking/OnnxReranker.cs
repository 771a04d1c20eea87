using System.Diagnostics;
using ChatRag.Core.Retrieval.Reranking;
using ChatRag.Embeddings.Onnx.Diagnostics;
using ChatRag.Embeddings.Onnx.Models;
using ChatRag.Embeddings.Onnx.Runtime;
using ChatRag.Embeddings.Onnx.Tokenization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace ChatRag.Embeddings.Onnx.Reranking;

/// <summary>
/// A cross-encoder reranker over ONNX Runtime: BERT-style (<c>[CLS] q [SEP] p [SEP]</c> with token types, for example
/// ms-marco-MiniLM-L6-v2) or XLM-R-style (<c>&lt;s&gt; q &lt;/s&gt;&lt;/s&gt; p &lt;/s&gt;</c>, for example
/// bge-reranker-v2-m3). The graph takes int64 <c>input_ids</c>, <c>attention_mask</c> and optionally
/// <c>token_type_ids</c>, and outputs one relevance logit per pair (<c>logits</c> [batch, 1]); the score is its sigmoid,
/// as sentence-transformers' CrossEncoder reports it.
/// </summary>
public sealed class OnnxReranker : IReranker, IDisposable
{
    private readonly EncoderSession session;
    private readonly IEncoderTokenizer tokenizer;
    private readonly int batchSize;
    private readonly int maxTokens;
    private int batchesRun;

    private OnnxReranker(string name, EncoderSession session, IEncoderTokenizer tokenizer, int batchSize, int maxTokens)
    {
        Name = name;
        this.session = session;
        this.tokenizer = tokenizer;
        this.batchSize = batchSize;
        this.maxTokens = maxTokens;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>ONNX Runtime's name of the provider in use.</summary>
    public string ExecutionProvider => session.ProviderName;

    /// <summary>Graph runs so far (one per batch), for tests and metrics.</summary>
    public int BatchesRun => Volatile.Read(ref batchesRun);

    /// <summary>Loads a reranker folder; throws <see cref="EncoderFolderException"/> saying what is wrong with it.</summary>
    public static OnnxReranker Load(string directory, EncoderRuntimeOptions? runtime = null, int batchSize = 16, int maxTokens = 512, ILogger? logger = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            throw new EncoderFolderException($"Reranker folder '{full}' does not exist.");
        }

        var modelPath = Path.Combine(full, "model.onnx");
        if (!File.Exists(modelPath))
        {
            throw new EncoderFolderException($"Reranker folder '{full}' has no model.onnx.");
        }

        var tokenizer = EncoderTokenizers.Load(full);
        logger ??= NullLogger.Instance;
        EncoderSession session;
        try
        {
            session = EncoderSession.Open(modelPath, runtime ?? new EncoderRuntimeOptions(), null, logger,
                ex => logger.LogWarning("CUDA is not available for the reranker; running on the CPU ({Reason})", ex.Message));
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or NotSupportedException)
        {
            throw new EncoderFolderException($"The reranker graph in '{full}' cannot be used: {ex.Message}", ex);
        }

        if (session.OutputRank != 2 || session.HiddenSize != 1)
        {
            session.Dispose();
            throw new EncoderFolderException(
                $"The reranker graph in '{full}' outputs '{session.OutputName}' with {session.HiddenSize} values per sequence; a cross-encoder outputs one relevance logit ([batch, 1]).");
        }

        return new OnnxReranker(Path.GetFileName(full), session, tokenizer, batchSize, maxTokens);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<double>?> ScoreAsync(string query, IReadOnlyList<string> passages, Func<bool> overBudget, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(overBudget);
        using var activity = EncoderTelemetry.ActivitySource.StartActivity("reranker.score", ActivityKind.Internal);
        activity?.SetTag("chatrag.reranker", Name);
        var pairs = passages.Select(p => tokenizer.EncodePair(query, p, maxTokens)).ToArray();

        // Sorted by length so each batch pads only to its own longest, as the encoder does.
        var order = Enumerable.Range(0, pairs.Length).OrderBy(i => pairs[i].Ids.Length).ToArray();
        var scores = new double[pairs.Length];
        foreach (var batch in order.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (overBudget())
            {
                activity?.SetTag("chatrag.reranker.over_budget", true);
                return null;
            }

            var logits = Run(batch.Select(i => pairs[i]).ToArray());
            for (var r = 0; r < batch.Length; r++)
            {
                scores[batch[r]] = 1.0 / (1.0 + Math.Exp(-logits[r]));
            }

            await Task.Yield();
        }

        return scores;
    }

    private float[] Run(EncodedPair[] batch)
    {
        var length = batch.Max(p => p.Ids.Length);
        var cells = batch.Length * length;
        var ids = new long[cells];
        var mask = new long[cells];
        var types = new long[cells];
        Array.Fill(ids, tokenizer.PadId);
        for (var r = 0; r < batch.Length; r++)
        {
            for (var t = 0; t < batch[r].Ids.Length; t++)
            {
                ids[(r * length) + t] = batch[r].Ids[t];
                mask[(r * length) + t] = 1;
                types[(r * length) + t] = batch[r].TypeIds[t];
            }
        }

        long[] shape = [batch.Length, length];
        var memory = OrtMemoryInfo.DefaultInstance;
        using var idsValue = OrtValue.CreateTensorValueFromMemory(memory, ids.AsMemory(), shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(memory, mask.AsMemory(), shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(memory, types.AsMemory(), shape);
        string[] names = session.HasTokenTypes ? ["input_ids", "attention_mask", "token_type_ids"] : ["input_ids", "attention_mask"];
        OrtValue[] values = session.HasTokenTypes ? [idsValue, maskValue, typesValue] : [idsValue, maskValue];
        using var runOptions = new RunOptions();
        using var outputs = session.Session.Run(runOptions, names, values, [session.OutputName]);
        var logits = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        Interlocked.Increment(ref batchesRun);
        return logits;
    }

    /// <inheritdoc />
    public void Dispose() => session.Dispose();
}
