using System.Diagnostics;
using ChatRag.Decoder.Onnx.Runtime;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// Many generations must not grow memory. With MaxLength 512 each genai request allocates 2 layers x K/V x
/// [1, 2, 512, 16] fp32 = 128 KB of KV buffers, so leaking them for 400 requests would add about 50 MB; the
/// bound below is well under that and well over allocator noise. Process memory is only meaningful with no other
/// test running, hence the non-parallel collection (xunit runs it alone, after the parallel ones).
/// </summary>
[Collection(nameof(MemoryStabilityTests))]
public sealed class MemoryStabilityTests(TinyModels models) : IClassFixture<TinyModels>
{
    [Theory]
    [InlineData(KvConvention.SharedBuffer)]
    [InlineData(KvConvention.Concat)]
    public void MemoryStaysFlatOverManyGenerations(KvConvention convention)
    {
        var model = models[convention];
        var prompt = model.Tokenizer.Encode(TinyModels.ChatPrompt);
        var settings = new GenerationSettings { MaxNewTokens = 6, IgnoreEos = true };
        void Run(int n)
        {
            for (var i = 0; i < n; i++)
            {
                _ = model.Generate(prompt, settings).ToList();
                _ = model.Generate(prompt, settings).Take(2).ToList(); // abandoned early: must still release its buffers
            }
        }

        Run(50);
        var (managedBefore, processBefore) = Measure();
        Run(200);
        var (managedAfter, processAfter) = Measure();

        Assert.InRange(managedAfter - managedBefore, long.MinValue, 4L << 20);
        Assert.InRange(processAfter - processBefore, long.MinValue, 24L << 20);
    }

    private static (long Managed, long Process) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(true), self.PrivateMemorySize64);
    }
}
