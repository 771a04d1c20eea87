using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace ChatRag.Server.Tests;

/// <summary>The CLI's <c>ingest</c> verb, run as the built <c>chatrag.dll</c> on a temporary folder and data directory.</summary>
public sealed class DocumentsCliTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("chatrag-cli-ingest").FullName;

    [Fact]
    [Trait("Category", "Integration")]
    public async Task Ingest_reads_folders_recursively_reports_each_file_and_fails_the_exit_code_on_a_bad_file()
    {
        var input = Directory.CreateDirectory(Path.Combine(root, "in", "nested")).Parent!.FullName;
        await File.WriteAllTextAsync(Path.Combine(input, "glaciers.txt"), "Glaciers carve valleys over thousands of years.");
        await File.WriteAllTextAsync(Path.Combine(input, "nested", "deserts.md"), "# Deserts\n\nDeserts receive little rain.");
        await File.WriteAllBytesAsync(Path.Combine(input, "nested", "tool.bin"), [0x4D, 0x5A, 0x00, 0x00, 0x01, 0x02]);
        var data = Path.Combine(root, "data");

        var (exit, output) = await RunAsync("ingest", input, "--data", data, "--collection", "cli");

        Assert.Equal(1, exit);
        Assert.Contains("2 ready, 1 failed, 0 duplicate", output, StringComparison.Ordinal);
        Assert.Contains("tool.bin", output, StringComparison.Ordinal);
        Assert.Contains("failed", output, StringComparison.Ordinal);
        Assert.Equal(["ready", "ready"], await StatusesAsync(data));

        // The same files again: duplicates, nothing new, success.
        File.Delete(Path.Combine(input, "nested", "tool.bin"));
        (exit, output) = await RunAsync("ingest", input, "--data", data, "--collection", "cli");
        Assert.Equal(0, exit);
        Assert.Contains("0 ready, 0 failed, 2 duplicate", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp cleaner gets it.
        }
    }

    private static async Task<List<string>> StatusesAsync(string data)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(data, "chatrag.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Status FROM Documents WHERE Collection = 'cli'";
        var statuses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            statuses.Add(reader.GetString(0));
        }

        return statuses;
    }

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        // tests/ChatRag.Server.Tests/bin/<Configuration>/<tfm>/ → src/ChatRag.Cli/bin/<Configuration>/<tfm>/chatrag.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "..", "src", "ChatRag.Cli", "bin", here.Parent!.Name, here.Name, "chatrag.dll"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--models");
        start.ArgumentList.Add(ChatRagServerFactory.ModelsDirectory);
        start.Environment["COLUMNS"] = "200";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
