using System.Diagnostics;
using System.Text;
using System.Text.Json;
using ChatRag.Decoder.Onnx.Tokenization;
using ChatRag.Onnx.Synthesis.Decoder;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// <c>chatrag models tokenize</c> and <c>chatrag models template</c> (a public contract), run as the built CLI on
/// folders holding only tokenizer.json and/or tokenizer_config.json.
/// </summary>
public sealed class VerificationVerbTests : IDisposable
{
    private readonly FolderTemplateParityTests folders = new();
    private readonly string dir = Directory.CreateTempSubdirectory("chatrag-verbs-").FullName;

    public void Dispose()
    {
        folders.Dispose();
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task TemplatePrintsTheRenderedPromptExactlyWithoutANewline()
    {
        var expected = FolderTemplateParityTests.Case("qwen3", "two-tool-calls-two-results");
        var folder = folders.WriteFolder("qwen3");
        var conversation = Path.Combine(dir, "conversation.json");
        await File.WriteAllTextAsync(conversation, expected.GetProperty("conversation").GetRawText());

        var (exit, stdout, stderr) = await RunAsync("models", "template", "--model", folder, "--conversation", conversation);

        Assert.True(exit == 0, stderr);
        Assert.Equal(Encoding.UTF8.GetBytes(expected.GetProperty("prompt").GetString()!), stdout);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task TemplateReportsAnUnsupportedConstructWithItsPosition()
    {
        await File.WriteAllTextAsync(Path.Combine(dir, "tokenizer_config.json"), """{"chat_template": "{% for m in messages %}\n{% include 'x' %}{% endfor %}"}""");
        var conversation = Path.Combine(dir, "conversation.json");
        await File.WriteAllTextAsync(conversation, """{"messages": [{"role": "user", "content": "hi"}]}""");

        var (exit, _, stderr) = await RunAsync("models", "template", "--model", dir, "--conversation", conversation);

        Assert.Equal(1, exit);
        Assert.Contains("Unsupported tag 'include' (line 2, column 4)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task TokenizePrintsOneJsonObjectOfIds()
    {
        SyntheticTokenizer.Write(dir);
        const string text = "hello world, café 🙂";
        var expected = BpeTokenizer.FromFile(Path.Combine(dir, "tokenizer.json")).Encode(text);

        var (exit, stdout, stderr) = await RunAsync("models", "tokenize", "--model", dir, "--text", text);

        Assert.True(exit == 0, stderr);
        Assert.Equal("{\"ids\":[" + string.Join(',', expected) + "]}\n", Encoding.UTF8.GetString(stdout));
    }

    [RealTokenizerTheory]
    [InlineData(false, new[] { 9906, 1917 })]
    [InlineData(true, new[] { 128000, 9906, 1917 })]
    [Trait("Category", "Integration")]
    public async Task TokenizeAddsSpecialTokensOnlyWithTheFlag(bool add, int[] expected)
    {
        var folder = Path.GetDirectoryName(ReferenceFiles.RealTokenizerJson("llama3_1"))!;
        string[] args = add ? ["models", "tokenize", "--model", folder, "--text", "Hello world", "--add-special-tokens"] : ["models", "tokenize", "--model", folder, "--text", "Hello world"];

        var (exit, stdout, stderr) = await RunAsync(args);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(expected, json.RootElement.GetProperty("ids").EnumerateArray().Select(i => i.GetInt32()).ToArray());
    }

    private static async Task<(int Exit, byte[] Stdout, string Stderr)> RunAsync(params string[] args)
    {
        // tests/ChatRag.Decoder.Onnx.Tests/bin/<Configuration>/<tfm>/ → src/ChatRag.Cli/bin/<Configuration>/<tfm>/chatrag.dll
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

        using var process = Process.Start(start)!;
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        await copy;
        return (process.ExitCode, stdout.ToArray(), await stderr);
    }
}
