using System.Text.Json;

namespace ChatRag.Templating.Tests;

/// <summary>
/// Byte-identical prompts with transformers.js (its <c>apply_chat_template</c>, rendered by @huggingface/jinja) for the
/// real Qwen3, Llama 3, Llama 3.1, Gemma 3 and DeepSeek-V3 templates and our Llama 2 fallback, over the suite in tests/reference/conversations.json.
/// </summary>
public sealed class TransformersJsParityTests
{
    private static readonly string ReferenceDirectory = Path.Combine(AppContext.BaseDirectory, "reference");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceDirectory, "chat-templates.json")));
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            data.Add(c.GetProperty("model").GetString()!, c.GetProperty("name").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RendersTheSamePromptAsTransformersJs(string model, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ReferenceDirectory, "chat-templates.json")));
        var root = document.RootElement;
        var expected = root.GetProperty("cases").EnumerateArray()
            .Single(c => c.GetProperty("model").GetString() == model && c.GetProperty("name").GetString() == name);
        var config = root.GetProperty("tokenizer_configs").GetProperty(model);
        var source = config.GetProperty("chat_template").ValueKind == JsonValueKind.String
            ? config.GetProperty("chat_template").GetString()!
            : File.ReadAllText(Path.Combine(ReferenceDirectory, "llama2.jinja"));
        var template = JinjaTemplate.Parse(source, TemplateOptions.ChatTemplate);

        // What transformers.js passes: the conversation's keys, tools and documents (null when absent) and the special tokens.
        var variables = new Dictionary<string, object?> { ["tools"] = null, ["documents"] = null, ["add_generation_prompt"] = false };
        foreach (var key in new[] { "bos_token", "eos_token", "unk_token", "pad_token" })
        {
            // A token is a string or an AddedToken object whose content is the string.
            var text = !config.TryGetProperty(key, out var token) ? null
                : token.ValueKind == JsonValueKind.Object ? token.GetProperty("content").GetString()
                : token.ValueKind == JsonValueKind.String ? token.GetString() : null;
            if (!string.IsNullOrEmpty(text))
            {
                variables[key] = text;
            }
        }

        foreach (var property in expected.GetProperty("conversation").EnumerateObject())
        {
            variables[property.Name] = property.Value.Clone();
        }

        if (expected.GetProperty("error").ValueKind == JsonValueKind.String)
        {
            var error = Assert.Throws<TemplateException>(() => template.Render(variables));
            Assert.StartsWith(expected.GetProperty("error").GetString()!, error.Message, StringComparison.Ordinal);
            return;
        }

        Assert.Equal(expected.GetProperty("prompt").GetString(), template.Render(variables));
    }
}
