using System.Text.Json;
using ChatRag.Decoder.Onnx.Templates;

namespace ChatRag.Decoder.Onnx.Tests;

public sealed class ChatTemplateDetectionTests : IDisposable
{
    private const string QwenTemplate = "{%- if tools %}\n    {{- '<|im_start|>system\\n' }}{%- endif %}";
    private const string LlamaTemplate = "{{- bos_token }}\n{{- \"<|start_header_id|>system<|end_header_id|>\\n\\n\" }}";
    private const string Phi35Template =
        "{% for message in messages %}{% if message['role'] == 'system' and message['content'] %}{{'<|system|>\\n' + message['content'] + '<|end|>\\n'}}" +
        "{% elif message['role'] == 'user' %}{{'<|user|>\\n' + message['content'] + '<|end|>\\n'}}{% endif %}{% endfor %}";
    private const string Phi4Template =
        "{% for message in messages %}{% if message['role'] == 'system' and 'tools' in message and message['tools'] is not none %}" +
        "{{ '<|' + message['role'] + '|>' + message['content'] + '<|tool|>' + message['tools'] + '<|/tool|>' + '<|end|>' }}{% endif %}{% endfor %}";

    private readonly string dir = Directory.CreateTempSubdirectory("chatrag-detect-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Theory]
    [InlineData(QwenTemplate, "qwen2.5")]
    [InlineData(LlamaTemplate, "llama3")]
    [InlineData(Phi35Template, "phi3.5")]
    [InlineData(Phi4Template, "phi4")]
    public void TokenizerConfigChatTemplateDecides(string template, string family)
    {
        Write("tokenizer_config.json", new { chat_template = template, eos_token = "x" });

        Assert.Equal(family, ChatTemplates.Detect(dir).Family);
    }

    [Fact]
    public void ChatTemplateJinjaFileIsRead()
    {
        File.WriteAllText(Path.Combine(dir, "chat_template.jinja"), LlamaTemplate);

        var template = Assert.IsType<JinjaChatTemplate>(ChatTemplates.Detect(dir));
        Assert.Equal("llama3", template.Family);
    }

    [Fact]
    public void NamedTemplateListUsesTheDefaultOne()
    {
        Write("tokenizer_config.json", new { chat_template = new[] { new { name = "tool_use", template = LlamaTemplate }, new { name = "default", template = QwenTemplate } } });

        Assert.Equal("qwen2.5", ChatTemplates.Detect(dir).Family);
    }

    [Theory]
    [InlineData("qwen2", 151936, "qwen2.5")]
    [InlineData("llama", 128256, "llama3")]
    [InlineData("phi3", 32064, "phi3.5")]
    [InlineData("phi3", 200064, "phi4")]
    public void GenaiConfigModelTypeIsTheFallback(string type, int vocabulary, string family)
    {
        Write("genai_config.json", new { model = new { type, vocab_size = vocabulary, context_length = 4096 } });

        Assert.Equal(family, ChatTemplates.Detect(dir).Family);
    }

    [Fact]
    public void ConfigJsonModelTypeIsTheLastResort()
    {
        Write("config.json", new { model_type = "phi3", vocab_size = 200064 });

        Assert.IsType<Phi4ChatTemplate>(ChatTemplates.Detect(dir));
    }

    [Fact]
    public void UnknownModelFailsListingTheSupportedFamilies()
    {
        Write("config.json", new { model_type = "gpt2", vocab_size = 50257 });

        var error = Assert.Throws<NotSupportedException>(() => ChatTemplates.Detect(dir));
        Assert.Contains("qwen2.5, llama3, phi3.5, phi4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFolderIsReported() =>
        Assert.Throws<DirectoryNotFoundException>(() => ChatTemplates.Detect(Path.Combine(dir, "absent")));

    [Theory]
    [InlineData("Qwen2.5", "qwen2.5")]
    [InlineData("qwen2", "qwen2.5")]
    [InlineData("llama3.2", "llama3")]
    [InlineData("Llama-3", "llama3")]
    [InlineData("phi3.5", "phi3.5")]
    [InlineData("phi-4-mini", "phi4")]
    public void ForFamilyAcceptsAliases(string name, string family) => Assert.Equal(family, ChatTemplates.ForFamily(name).Family);

    [Fact]
    public void ForFamilyRejectsUnknownNames()
    {
        var error = Assert.Throws<NotSupportedException>(() => ChatTemplates.ForFamily("mistral"));
        Assert.Contains("mistral", error.Message, StringComparison.Ordinal);
        Assert.Contains("phi4", error.Message, StringComparison.Ordinal);
    }

    private void Write(string name, object content) =>
        File.WriteAllText(Path.Combine(dir, name), JsonSerializer.Serialize(content));
}
