using ChatRag.Ingestion.Ocr;

namespace ChatRag.Ingestion.Tests.Ocr;

/// <summary>
/// The external-tool runner against real child processes (<c>/bin/sh</c>): what a child prints is bounded, and a
/// child that is given up on, for whatever reason, takes its whole process tree with it.
/// </summary>
public sealed class ExternalProcessTests : IDisposable
{
    private readonly DirectoryInfo directory = Directory.CreateTempSubdirectory("chatrag-process-");

    public void Dispose() => directory.Delete(recursive: true);

    [Fact]
    public async Task A_child_printing_past_the_output_limit_is_stopped_with_its_whole_tree()
    {
        // A grandchild that would outlive everything, then twenty million characters on stdout while it lives.
        var pidFile = Path.Combine(directory.FullName, "grandchild.pid");
        var script = $"sleep 600 & echo $! > '{pidFile}'; head -c 20000000 /dev/zero | tr '\\0' a; wait";

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => ExternalProcess.RunAsync("/bin/sh", ["-c", script], TimeSpan.FromSeconds(60), CancellationToken.None, maxOutputCharacters: 1_000_000));

        Assert.Contains("more than 1,000,000 characters", error.Message, StringComparison.Ordinal);
        var grandchild = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Running(grandchild), $"process {grandchild} (sleep 600) outlived the stopped tool");
    }

    [Fact]
    public async Task Output_within_the_limit_and_a_long_error_stream_are_returned_bounded()
    {
        // stderr is drained to the end (a child must never block on a full pipe) but only its start is kept.
        var result = await ExternalProcess.RunAsync(
            "/bin/sh", ["-c", "echo out; head -c 5000000 /dev/zero | tr '\\0' e >&2; exit 3"], TimeSpan.FromSeconds(120), CancellationToken.None, maxOutputCharacters: 1_000_000);

        Assert.Equal((3, "out\n"), (result.ExitCode, result.StandardOutput));
        Assert.InRange(result.StandardError.Length, 1, ExternalProcess.MaxErrorCharacters);
    }

    /// <summary>Whether the process exists and is not a zombie (killed, not yet reaped).</summary>
    private static bool Running(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return false;
        }

        try
        {
            return !File.ReadLines(status).Any(l => l.StartsWith("State:", StringComparison.Ordinal) && l.Contains('Z', StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }
}
