using System.Diagnostics;
using System.Text.Json;

namespace ChatRag.Server.Tests;

/// <summary>What a newcomer gets from the documented run command: the README's folders and a readable log.</summary>
public sealed class HostDefaultsTests
{
    [Fact]
    public async Task Dotnet_run_starts_the_server_in_the_repository_root_so_data_and_models_are_the_top_level_folders()
    {
        var root = RepositoryRoot();
        var project = Path.Combine(root, "src", "ChatRag.Server", "ChatRag.Server.csproj");

        // What `dotnet run --project src/ChatRag.Server` uses: the evaluated Run* properties of the project.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "msbuild", project, "-getProperty:RunWorkingDirectory", "-getProperty:RunArguments", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var msbuild = Process.Start(start)!;
        var stdout = await msbuild.StandardOutput.ReadToEndAsync();
        await msbuild.WaitForExitAsync();
        var properties = JsonDocument.Parse(stdout).RootElement.GetProperty("Properties");
        var workingDirectory = properties.GetProperty("RunWorkingDirectory").GetString()!;

        Assert.Equal(Path.Combine(root, "data"), Path.GetFullPath(Path.Combine(workingDirectory, "data")));
        Assert.Equal(Path.Combine(root, "models"), Path.GetFullPath(Path.Combine(workingDirectory, "models")));
        Assert.Contains(Path.GetDirectoryName(project)!, properties.GetProperty("RunArguments").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Default_log_has_one_summary_line_and_no_sql()
    {
        var data = Directory.CreateTempSubdirectory("chatrag-log").FullName;
        try
        {
            using var server = await ServerProcess.StartAsync(data, new Dictionary<string, string> { ["ChatRag__Decoder__Kind"] = "None" });
            await server.Client.GetAsync("/api/v1/documents");
            for (var i = 0; i < 50 && !server.Output.Contains("ChatRag listening on", StringComparison.Ordinal); i++)
            {
                await Task.Delay(100);
            }

            var log = server.Output;
            var summary = Assert.Single(log.Split('\n'), l => l.Contains("ChatRag listening on", StringComparison.Ordinal));
            Assert.Contains(data, summary, StringComparison.Ordinal);
            Assert.Contains("auth Anonymous", summary, StringComparison.Ordinal);
            Assert.Contains("decoder none", summary, StringComparison.Ordinal);
            Assert.Contains("The API is OPEN", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Executed DbCommand", log, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ChatRag.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ChatRag.sln not found above the test folder.");
    }
}
