using ChatRag.Decoder.Onnx.Sampling;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>The generation loop: prefill, then one token per step against the KV cache.</summary>
public sealed partial class DecoderModel
{
    /// <summary>
    /// Generates token ids after <paramref name="promptIds"/>, lazily: each id is yielded as soon as it is chosen, and
    /// stopping the enumeration (or cancelling) releases every native buffer. EOS ends the sequence and is not yielded.
    /// </summary>
    /// <exception cref="ArgumentException">The prompt is empty or does not fit the maximum length.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled; a running step is interrupted.</exception>
    public IEnumerable<int> Generate(IReadOnlyList<int> promptIds, GenerationSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(promptIds);
        ArgumentNullException.ThrowIfNull(settings);
        if (promptIds.Count == 0 || promptIds.Count >= MaxLength)
        {
            throw new ArgumentException($"The prompt has {promptIds.Count} tokens; it must have between 1 and {MaxLength - 1}.", nameof(promptIds));
        }

        return GenerateCore(promptIds, settings, cancellationToken);
    }

    private IEnumerable<int> GenerateCore(IReadOnlyList<int> promptIds, GenerationSettings settings, CancellationToken cancellationToken)
    {
        // The session and buffers stay alive while this generation holds them, even if the model is disposed meanwhile.
        var runOptions = new RunOptions();
        Enter(runOptions);
        try
        {
            foreach (var id in Steps(promptIds, settings, runOptions, cancellationToken))
            {
                yield return id;
            }
        }
        finally
        {
            Exit(runOptions);
            runOptions.Dispose();
        }
    }

    private IEnumerable<int> Steps(IReadOnlyList<int> promptIds, GenerationSettings settings, RunOptions runOptions, CancellationToken cancellationToken)
    {
        var budget = Math.Min(settings.MaxNewTokens, MaxLength - promptIds.Count);
        var eos = settings.IgnoreEos ? [] : new HashSet<int>(settings.EosTokenIds ?? Info.EosTokenIds);
        var sampler = new TokenSampler(settings.Sampling);
        var tokens = new List<int>(promptIds);
        using var cache = CreateCache();
        using var binding = session.CreateIoBinding();
        using var registration = cancellationToken.Register(() => runOptions.Terminate = true);
        var processed = 0;
        float[] logits = [];

        // One all-ones buffer per request; each step's attention mask is a view of its first `total` entries.
        var ones = new long[MaxLength];
        Array.Fill(ones, 1L);
        for (var step = 0; step < budget; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ThrowIfDisposed();
            if (!settings.UseCache)
            {
                cache.Reset();
                processed = 0;
            }

            logits = RunStep(binding, runOptions, cache, tokens, processed, logits, ones, cancellationToken);
            processed = tokens.Count;
            var next = sampler.Sample(logits, tokens);
            if (eos.Contains(next))
            {
                yield break;
            }

            tokens.Add(next);
            yield return next;
        }
    }

    private IKvCache CreateCache() => Info.Convention == KvConvention.SharedBuffer
        ? new SharedBufferKvCache(Info, kvAllocator, MaxLength)
        : new ConcatKvCache(Info, kvAllocator, kvMemory);

    private float[] RunStep(OrtIoBinding binding, RunOptions runOptions, IKvCache cache, List<int> tokens, int start, float[] logits, long[] ones, CancellationToken cancellationToken)
    {
        var total = tokens.Count;
        var count = total - start;
        var disposables = new List<IDisposable>(4);
        try
        {
            binding.BindInput(Info.InputIdsName, Track(disposables, Ids(tokens, start, count)));
            if (Info.AttentionMaskName is { } mask)
            {
                binding.BindInput(mask, Track(disposables, OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, ones.AsMemory(0, total), [1, total])));
            }

            if (Info.PositionIdsName is { } positions)
            {
                var ids = new long[count];
                for (var i = 0; i < count; i++)
                {
                    ids[i] = start + i;
                }

                binding.BindInput(positions, Track(disposables, OrtValue.CreateTensorValueFromMemory(ids, [1, count])));
            }

            if (Info.UseCacheBranchName is { } branch)
            {
                binding.BindInput(branch, Track(disposables, OrtValue.CreateTensorValueFromMemory(new[] { start > 0 }, [1])));
            }

            cache.Bind(binding);

            // Only logits come to the host (the KV buffers stay on the device). A multi-token step's logits stay on the
            // device too when slicing, so that only the last row is copied.
            var slice = slicer is not null && count > 1;
            binding.BindOutputToDevice(Info.LogitsName, slice ? kvMemory : OrtMemoryInfo.DefaultInstance);
            try
            {
                session.RunWithBinding(runOptions, binding);
                if (Provider == ExecutionProvider.Cuda)
                {
                    binding.SynchronizeBoundOutputs();
                }
            }
            catch (OnnxRuntimeException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (OnnxRuntimeException) when (IsDisposed)
            {
                // Dispose terminated this step: the generation ends as the model's later calls do.
                ThrowIfDisposed();
                throw;
            }

            var names = binding.GetOutputNames();
            var outputs = binding.GetOutputValues();
            try
            {
                var rawLogits = outputs[names.ToList().IndexOf(Info.LogitsName)];
                if (slice)
                {
                    using var last = slicer!.Slice(rawLogits, runOptions);
                    logits = ReadLastLogits(last[0], logits);
                }
                else
                {
                    logits = ReadLastLogits(rawLogits, logits);
                }
            }
            finally
            {
                cache.Advance(outputs, [.. names]);
            }

            return logits;
        }
        finally
        {
            foreach (var d in disposables)
            {
                d.Dispose();
            }
        }
    }

    private static OrtValue Track(List<IDisposable> list, OrtValue value)
    {
        list.Add(value);
        return value;
    }

    private OrtValue Ids(List<int> tokens, int start, int count)
    {
        if (Info.InputIdsElementType == TensorElementType.Int32)
        {
            return OrtValue.CreateTensorValueFromMemory(tokens.GetRange(start, count).ToArray(), [1, count]);
        }

        return OrtValue.CreateTensorValueFromMemory(tokens.GetRange(start, count).Select(t => (long)t).ToArray(), [1, count]);
    }

    private float[] ReadLastLogits(OrtValue value, float[] buffer)
    {
        var shape = value.GetTensorTypeAndShape().Shape;
        var vocab = (int)shape[^1];
        var offset = (int)((shape.Length > 1 ? shape[^2] - 1 : 0) * vocab);
        if (buffer.Length != vocab)
        {
            buffer = new float[vocab];
        }

        switch (Info.LogitsElementType)
        {
            case TensorElementType.Float:
                value.GetTensorDataAsSpan<float>().Slice(offset, vocab).CopyTo(buffer);
                break;
            case TensorElementType.Float16:
                var half = value.GetTensorDataAsSpan<Float16>().Slice(offset, vocab);
                for (var i = 0; i < vocab; i++)
                {
                    buffer[i] = half[i].ToFloat();
                }

                break;
            case TensorElementType.BFloat16:
                var bf = value.GetTensorDataAsSpan<BFloat16>().Slice(offset, vocab);
                for (var i = 0; i < vocab; i++)
                {
                    buffer[i] = bf[i].ToFloat();
                }

                break;
            default:
                throw new NotSupportedException($"Logits of type {Info.LogitsElementType} are not supported.");
        }

        return buffer;
    }
}
