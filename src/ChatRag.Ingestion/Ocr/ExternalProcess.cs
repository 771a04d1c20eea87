using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace ChatRag.Ingestion.Ocr;

/// <summary>What a finished external process printed.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Runs an external tool with arguments passed as a list (never through a shell), a wall-clock limit, cancellation
/// and a bound on what it prints. Whenever the run ends other than by the tool exiting on its own (time limit,
/// cancellation, too much output, any exception while reading) the whole process tree is killed, so a stuck or
/// runaway renderer cannot outlive its job.
/// </summary>
internal static class ExternalProcess
{
    /// <summary>Characters of standard error kept (the rest is read and dropped, so the tool never blocks on it).</summary>
    public const int MaxErrorCharacters = 64 * 1024;

    /// <summary>Default bound on standard output (a version string, a page's TSV is far less).</summary>
    public const int DefaultMaxOutputCharacters = 1024 * 1024;

    /// <summary>Runs <paramref name="fileName"/>; throws <see cref="TimeoutException"/> past <paramref name="timeout"/>.</summary>
    /// <exception cref="Win32Exception">The executable could not be started (not installed).</exception>
    /// <exception cref="InvalidDataException">The tool printed more than <paramref name="maxOutputCharacters"/>; it was stopped.</exception>
    public static async Task<ProcessResult> RunAsync(
        string fileName, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, int maxOutputCharacters = DefaultMaxOutputCharacters)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Tesseract spreads one page over every core with OpenMP; concurrency is bounded by the caller instead.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start) ?? throw new Win32Exception($"{fileName} could not be started.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var stdout = ReadAsync(process.StandardOutput, maxOutputCharacters, failPastLimit: true, deadline.Token);
        var stderr = ReadAsync(process.StandardError, MaxErrorCharacters, failPastLimit: false, deadline.Token);
        var exited = false;
        try
        {
            var exit = process.WaitForExitAsync(deadline.Token);

            // Too much output (or a failed read) ends the run at once, not at the time limit.
            if (await Task.WhenAny(exit, stdout) == stdout && stdout.IsFaulted)
            {
                await stdout;
            }

            await exit;
            var result = new ProcessResult(process.ExitCode, await stdout, await stderr);
            exited = true;
            return result;
        }
        catch (OperationCanceledException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within {timeout.TotalSeconds:N0} seconds and was stopped.");
        }
        finally
        {
            if (!exited)
            {
                Kill(process);
                await Settle(stdout, stderr);
            }
        }
    }

    /// <summary>Reads a stream to its end keeping at most <paramref name="limit"/> characters.</summary>
    private static async Task<string> ReadAsync(StreamReader reader, int limit, bool failPastLimit, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var buffer = new char[16 * 1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var keep = Math.Min(read, limit - text.Length);
            if (keep < read && failPastLimit)
            {
                throw new InvalidDataException($"The tool printed more than {limit:N0} characters and was stopped.");
            }

            text.Append(buffer, 0, keep);
        }

        return text.ToString();
    }

    /// <summary>Lets the readers finish after a kill (the pipes close), observing their errors.</summary>
    private static async Task Settle(params Task[] readers)
    {
        try
        {
            await Task.WhenAll(readers).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidDataException or IOException or TimeoutException or ObjectDisposedException)
        {
            // Already reported (or irrelevant) by the time the tool is killed.
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone, or not ours to kill any more.
        }
    }
}
