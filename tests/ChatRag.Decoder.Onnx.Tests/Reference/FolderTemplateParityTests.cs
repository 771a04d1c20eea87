using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Templating;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// A folder holding only the real <c>tokenizer_config.json</c> (Qwen3, Llama 3.1; Llama 2 without a template) renders
/// the same prompts as transformers.js's <c>apply_chat_template</c> for the whole conversation suite.
/// </summary>
public sealed class FolderTemplateParityTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("chatrag-parity-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in ReferenceFiles.ChatTemplates.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("model").GetString()!, c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FolderTemplateRendersWhatTransformersJsRenders(string model, string name)
    {
        var expected = Case(model, name);
        var template = Assert.IsType<JinjaChatTemplate>(ChatTemplates.Detect(WriteFolder(model)));
        var variables = expected.GetProperty("conversation").EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());

        if (expected.GetProperty("error").ValueKind == JsonValueKind.String)
        {
            var error = Assert.Throws<TemplateException>(() => template.RenderVariables(variables));
            Assert.StartsWith(expected.GetProperty("error").GetString()!, error.Message, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(expected.GetProperty("prompt").GetString(), template.RenderVariables(variables));
    }

    [Fact]
    public void Llama2FolderWithoutTemplateUsesTheFallbackAndItsEosStops()
    {
        var template = ChatTemplates.Detect(WriteFolder("llama2"));

        Assert.Equal("llama2", template.Family);
        Assert.Contains("</s>", template.StopStrings);
    }

    internal static JsonElement Case(string model, string name) =>
        ReferenceFiles.ChatTemplates.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("model").GetString() == model && c.GetProperty("name").GetString() == name);

    internal string WriteFolder(string model)
    {
        var config = JsonNode.Parse(ReferenceFiles.ChatTemplates.GetProperty("tokenizer_configs").GetProperty(model).GetRawText())!.AsObject();
        if (config["chat_template"] is null)
        {
            // As in the real Llama 2 folder: no template at all, a Llama tokenizer class.
            config.Remove("chat_template");
            config["tokenizer_class"] = "LlamaTokenizer";
        }

        File.WriteAllText(Path.Combine(dir, "tokenizer_config.json"), config.ToJsonString());
        return dir;
    }
}
