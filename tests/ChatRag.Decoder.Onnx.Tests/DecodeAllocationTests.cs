using ChatRag.Decoder.Onnx.Runtime;
using Xunit.Abstractions;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// Managed bytes allocated per decode step, measured exactly: the loop runs synchronously on the test thread, so
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> sees every allocation the steps make and nothing else. Long and
/// short generations of the same prompt differ only in their extra steps, so their difference divided by the extra
/// steps is the per-step cost, free of the prefill, the cache setup and the enumerator. A leak in the step loop (an
/// OrtValue, a tensor, a list entry kept per step) allocates per step, and this bound fails it; memory held after the
/// loop is the soak benchmark's job (<see cref="MemorySoakBenchmarks"/>).
/// </summary>
public sealed class DecodeAllocationTests(TinyModels models, ITestOutputHelper output) : IClassFixture<TinyModels>
{
    private const int Generations = 10;
    private const int ShortTokens = 8;
    private const int LongTokens = 40;

    /// <summary>
    /// Per-step bytes measured on 2026-12-06 (.NET 10, ONNX Runtime as pinned, tiered compilation off): 1,674.2 for the
    /// shared-buffer (genai) layout and 3,058.2 for the concat (optimum) one, the same in every run. Keeping one extra
    /// [1, 1] input OrtValue per step alive (the smallest leak the loop could have) added 144 to 246 bytes per step; the
    /// slack is 64 bytes. One full-suite run saw the two measures the test then compared differ without a leak. Recalibrate from the test output after a runtime upgrade.
    /// </summary>
    [Theory]
    [InlineData(KvConvention.SharedBuffer, 1_675)]
    [InlineData(KvConvention.Concat, 3_059)]
    public void Each_decode_step_allocates_a_fixed_small_amount(KvConvention convention, int measuredBytesPerStep)
    {
        var model = models[convention];
        var prompt = model.Tokenizer.Encode(TinyModels.ChatPrompt);
        Allocated(model, prompt, LongTokens); // warm-up: JIT, pools and lazily created runtime state

        var measures = Enumerable.Range(0, 3).Select(_ => PerStep(model, prompt)).ToList();
        output.WriteLine($"{convention}: {string.Join(", ", measures.Select(m => m.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))} managed bytes per decode step");

        // Alone, the measure repeats exactly. Beside other test classes it can rise now and then (a shared array pool's
        // per-core buffers taken by another thread make a rent allocate), never fall: a leak raises every run, so the
        // least of three is what the bound judges.
        Assert.InRange(measures.Min(), 0, measuredBytesPerStep + 64);
    }

    private static double PerStep(DecoderModel model, IReadOnlyList<int> prompt) =>
        (double)(Allocated(model, prompt, LongTokens) - Allocated(model, prompt, ShortTokens)) / (Generations * (LongTokens - ShortTokens));

    private static long Allocated(DecoderModel model, IReadOnlyList<int> prompt, int tokens)
    {
        var settings = new GenerationSettings { MaxNewTokens = tokens, IgnoreEos = true };
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Generations; i++)
        {
            var produced = 0;
            foreach (var _ in model.Generate(prompt, settings))
            {
                produced++;
            }

            Assert.Equal(tokens, produced);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
