using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRag.Decoder.Onnx.Tests.Cli;

/// <summary>
/// <c>chatrag models pull</c> and <c>models list</c>, run as the built CLI against a loopback fake hub (HF_ENDPOINT):
/// resume after a cut connection, a wrong hash, a gated repo, a missing file.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ModelsPullTests : IDisposable
{
    private readonly string models = Directory.CreateTempSubdirectory("chatrag-pull-").FullName;
    private readonly FakeHub hub = new();
    private readonly byte[] graph = RandomNumberGenerator.GetBytes(300_000);
    private readonly byte[] tokenizer = "{\"model\": {}}"u8.ToArray();

    public void Dispose()
    {
        hub.Dispose();
        Directory.Delete(models, recursive: true);
    }

    [Fact]
    public async Task A_cut_download_resumes_with_a_range_request_and_the_model_is_then_listed_as_installed()
    {
        WriteCatalog("org/tiny", Convert.ToHexStringLower(SHA256.HashData(graph)));
        Serve("org/tiny");
        hub.CutOnce.Add("/org/tiny/resolve/main/cpu/model.onnx");

        var first = await RunAsync(null, "models", "pull", "tiny");
        var partial = Installed(await RunAsync(null, "models", "list", "--json"));
        var second = await RunAsync(null, "models", "pull", "tiny");

        Assert.Equal(1, first.Exit);
        Assert.Contains("resume", first.Stderr, StringComparison.Ordinal);
        Assert.Equal("partial", partial);
        Assert.True(second.Exit == 0, second.Stderr);
        Assert.Contains($"bytes={graph.Length / 2}-", hub.Ranges);
        Assert.Equal(graph, await File.ReadAllBytesAsync(Path.Combine(models, "tiny", "model.onnx")));
        Assert.Contains("optional, not on the hub", second.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(models, "tiny"), "*.part"));
        Assert.Equal("installed", Installed(await RunAsync(null, "models", "list", "--json")));
    }

    [Fact]
    public async Task A_wrong_hash_fails_and_leaves_no_file()
    {
        WriteCatalog("org/tiny", new string('0', 64));
        Serve("org/tiny");

        var result = await RunAsync(null, "models", "pull", "tiny");

        Assert.Equal(1, result.Exit);
        Assert.Contains("sha256", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(models, "tiny", "model.onnx")));
        Assert.Empty(Directory.GetFiles(Path.Combine(models, "tiny"), "*.part"));
    }

    [Fact]
    public async Task A_gated_repo_says_to_accept_the_licence_and_HF_TOKEN_opens_it()
    {
        WriteCatalog("meta/gated", null);
        Serve("meta/gated");
        hub.Gated = ("/meta/gated/", "hf_secret");

        var refused = await RunAsync(null, "models", "pull", "tiny");
        var allowed = await RunAsync("hf_secret", "models", "pull", "tiny");

        Assert.Equal(1, refused.Exit);
        Assert.Contains("licence", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("HF_TOKEN", refused.Stderr, StringComparison.Ordinal);
        Assert.True(allowed.Exit == 0, allowed.Stderr);
    }

    [Fact]
    public async Task A_missing_required_file_is_a_404_message()
    {
        WriteCatalog("org/tiny", null);
        hub.Files["/org/tiny/resolve/main/cpu/tokenizer.json"] = tokenizer;

        var result = await RunAsync(null, "models", "pull", "tiny");

        Assert.Equal(1, result.Exit);
        Assert.Contains("404", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_repository_catalogue_lists_the_Qwen3_entries_and_an_export_entry_prints_its_command()
    {
        var catalog = Path.Combine(Reference.ReferenceFiles.ReferenceFolder, "..", "..", "models", "models.json");

        var list = await RunAsync(null, "models", "list", "--json", "--catalog", catalog);
        var pull = await RunAsync(null, "models", "pull", "qwen3-0.6b-cuda-int4", "--catalog", catalog);

        Assert.True(list.Exit == 0, list.Stderr);
        using var document = JsonDocument.Parse(list.Stdout);
        var qwen3 = document.RootElement.EnumerateArray().Where(m => m.GetProperty("family").GetString() == "qwen3").Select(m => m.GetProperty("id").GetString()).ToList();
        Assert.Equal(["qwen3-0.6b-cuda-int4", "qwen3-1.7b-cuda-int4", "qwen3-4b-cuda-int4", "qwen3-8b-cuda-int4"], qwen3);
        Assert.Equal(2, pull.Exit);
        Assert.Contains("onnxruntime_genai.models.builder -m Qwen/Qwen3-0.6B", pull.Stderr, StringComparison.Ordinal);
    }

    private void Serve(string repo)
    {
        hub.Files[$"/{repo}/resolve/main/cpu/model.onnx"] = graph;
        hub.Files[$"/{repo}/resolve/main/cpu/tokenizer.json"] = tokenizer;
    }

    private void WriteCatalog(string repo, string? graphHash)
    {
        var catalog = new JsonObject
        {
            ["version"] = 1,
            ["models"] = new JsonArray(new JsonObject
            {
                ["id"] = "tiny", ["kind"] = "decoder", ["family"] = "qwen2.5", ["format"] = "optimum", ["gated"] = false,
                ["source"] = new JsonObject { ["type"] = "huggingface", ["repo"] = repo, ["revision"] = "main", ["folder"] = "cpu" },
                ["files"] = new JsonArray(
                    new JsonObject { ["path"] = "model.onnx", ["sizeBytes"] = graph.Length, ["sha256"] = graphHash },
                    new JsonObject { ["path"] = "tokenizer.json", ["sizeBytes"] = null, ["sha256"] = null },
                    new JsonObject { ["path"] = "special_tokens_map.json", ["sizeBytes"] = null, ["sha256"] = null, ["optional"] = true }),
            }),
        };
        File.WriteAllText(Path.Combine(models, "models.json"), catalog.ToJsonString());
    }

    private static string Installed((int Exit, string Stdout, string Stderr) list)
    {
        Assert.True(list.Exit == 0, list.Stderr);
        using var document = JsonDocument.Parse(list.Stdout);
        return document.RootElement.EnumerateArray().Single(m => m.GetProperty("id").GetString() == "tiny").GetProperty("installed").GetString()!;
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string? token, params string[] args)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.GetFullPath(Path.Combine(here.FullName, "..", "..", "..", "..", "..", "src", "ChatRag.Cli", "bin", here.Parent!.Name, here.Name, "chatrag.dll"));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--models");
        start.ArgumentList.Add(models);
        start.Environment["HF_ENDPOINT"] = hub.Endpoint;
        start.Environment["HF_TOKEN"] = token ?? string.Empty;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }
}
