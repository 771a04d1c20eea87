using System.Diagnostics;
using System.Runtime.InteropServices;
using ChatRag.Ingestion.Tests.Hostile;
using Xunit.Abstractions;

namespace ChatRag.Ingestion.Tests.Benchmarks;

/// <summary>
/// Peak working set above idle while each hostile case goes through the real pipeline at the default limits; the
/// requirement is under 1 GiB. Run with
/// <c>CHATRAG_BENCH=1 dotnet test tests/ChatRag.Ingestion.Tests -c Release --filter "FullyQualifiedName~HostileMemoryBenchmarks" --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Benchmark")]
public sealed class HostileMemoryBenchmarks(ITestOutputHelper output)
{
    private const long OneGiB = 1024L * 1024 * 1024;

    [BenchmarkFact]
    public async Task Peak_working_set_per_hostile_case_stays_under_one_gibibyte_above_idle()
    {
        output.WriteLine($"{Environment.MachineName}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        output.WriteLine("| case | upload | outcome | peak above idle (MiB) | seconds |");
        output.WriteLine("|---|---:|---|---:|---:|");
        var worst = 0L;
        foreach (var hostile in HostileCorpus.All)
        {
            var bytes = hostile.Bytes();
            using var pipeline = new HostilePipeline();
            var idle = Settle();
            using var sampler = new PeakSampler();
            var watch = Stopwatch.StartNew();
            var (outcome, _, _, _) = await pipeline.RunAsync(bytes, hostile.FileName);
            watch.Stop();
            var peak = sampler.Stop() - idle;
            worst = Math.Max(worst, peak);
            output.WriteLine($"| {hostile.Name} | {bytes.Length / 1024.0:N0} KiB | {outcome} | {peak / (1024.0 * 1024):N0} | {watch.Elapsed.TotalSeconds:F1} |");
            Assert.Equal(hostile.Expected, outcome);
        }

        output.WriteLine($"worst peak above idle: {worst / (1024.0 * 1024):N0} MiB");
        Assert.True(worst < OneGiB, $"peak {worst / (1024.0 * 1024):N0} MiB above idle");
    }

    /// <summary>Collects everything collectable and returns the working set that is left: the idle baseline.</summary>
    private static long Settle()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    /// <summary>Samples the process working set every few milliseconds on its own thread and keeps the highest.</summary>
    private sealed class PeakSampler : IDisposable
    {
        private readonly Thread thread;
        private volatile bool stop;
        private long peak;

        public PeakSampler()
        {
            thread = new Thread(Run) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
            thread.Start();
        }

        public long Stop()
        {
            stop = true;
            thread.Join();
            return Interlocked.Read(ref peak);
        }

        public void Dispose() => stop = true;

        private void Run()
        {
            using var process = Process.GetCurrentProcess();
            while (!stop)
            {
                process.Refresh();
                var current = process.WorkingSet64;
                if (current > Interlocked.Read(ref peak))
                {
                    Interlocked.Exchange(ref peak, current);
                }

                Thread.Sleep(2);
            }
        }
    }
}
