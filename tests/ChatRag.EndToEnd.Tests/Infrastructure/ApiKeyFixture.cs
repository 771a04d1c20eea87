using System.Diagnostics;

namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The extractive server with one API key, created by <c>chatrag keys create</c> before start-up: every <c>/api</c>
/// call then needs <c>X-Api-Key</c>, which the browser sends once the key is saved under Settings.
/// </summary>
public sealed class ApiKeyFixture : ServerAndBrowserFixture
{
    private string? key;

    /// <summary>The valid key (printed once by the CLI).</summary>
    public string Key => key ?? throw new InvalidOperationException(BrowserLocator.MissingReason);

    /// <inheritdoc />
    protected override Task<IReadOnlyDictionary<string, string>> ServerSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string> { ["ChatRag__Auth__Mode"] = "ApiKeys" });

    /// <inheritdoc />
    protected override async Task PrepareDataDirectoryAsync(string dataDirectory)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            ServerUnderTest.BuiltAssemblyPath("ChatRag.Cli", "chatrag.dll"), "keys", "create", "e2e",
            "--data", dataDirectory, "--models", ServerUnderTest.ModelsDirectory,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var cli = Process.Start(start) ?? throw new InvalidOperationException("Could not start the CLI.");
        var stderr = cli.StandardError.ReadToEndAsync();
        var stdout = await cli.StandardOutput.ReadToEndAsync();
        await cli.WaitForExitAsync();
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var shown = Array.FindIndex(lines, l => l.Contains("shown only now", StringComparison.Ordinal));
        if (cli.ExitCode != 0 || shown < 0 || shown + 1 >= lines.Length)
        {
            throw new InvalidOperationException($"keys create failed ({cli.ExitCode}):\n{stdout}\n{await stderr}");
        }

        key = lines[shown + 1];
    }

    /// <inheritdoc />
    protected override void ConfigureClient(HttpClient client) => client.DefaultRequestHeaders.Add("X-Api-Key", Key);
}
