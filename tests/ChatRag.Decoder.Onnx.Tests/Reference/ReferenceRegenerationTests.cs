using System.Diagnostics;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// The committed reference files are what transformers.js writes today: regenerating them (tests/reference/generate.mjs)
/// gives the same bytes, so a changed conversation suite, corpus or fallback template cannot go unregenerated.
/// Needs Node and the npm packages (tests/reference/install.sh); skips and says so without them.
/// </summary>
public sealed class ReferenceRegenerationTests : IDisposable
{
    private readonly string @out = Directory.CreateTempSubdirectory("chatrag-reference-").FullName;

    public void Dispose() => Directory.Delete(@out, recursive: true);

    [RealTokenizerFact]
    [Trait("Category", "Integration")]
    public async Task RegeneratedReferencesEqualTheCommittedOnes()
    {
        var folder = ReferenceFiles.ReferenceFolder;
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        start.ArgumentList.Add(Path.Combine(folder, "generate.mjs"));
        start.ArgumentList.Add(@out);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        foreach (var name in new[] { "chat-templates.json", "token-ids.json" })
        {
            var committed = await File.ReadAllBytesAsync(Path.Combine(folder, name));
            var regenerated = await File.ReadAllBytesAsync(Path.Combine(@out, name));
            Assert.True(committed.SequenceEqual(regenerated), $"tests/reference/{name} is stale: run `node tests/reference/generate.mjs` and commit the result.");
        }
    }
}
