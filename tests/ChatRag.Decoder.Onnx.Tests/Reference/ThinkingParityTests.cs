using ChatRag.Decoder.Onnx.Chat;
using ChatRag.Decoder.Onnx.Templates;
using ChatRag.Decoder.Onnx.Tests.Fakes;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests.Reference;

/// <summary>
/// Thinking on and off through the client, checked against transformers.js's prompts for the real Qwen3 template
/// (<c>enable_thinking</c> false / true), and reasoning kept apart from the answer.
/// </summary>
public sealed class ThinkingParityTests : IDisposable
{
    private readonly FolderTemplateParityTests folders = new();

    public void Dispose() => folders.Dispose();

    [Theory]
    [InlineData(ThinkingMode.Off, null, "enable-thinking-false")]
    [InlineData(ThinkingMode.On, null, "enable-thinking-true")]
    [InlineData(ThinkingMode.Auto, null, "enable-thinking-true")]
    [InlineData(ThinkingMode.On, false, "enable-thinking-false")]
    [InlineData(ThinkingMode.Off, true, "enable-thinking-true")]
    public async Task ConfiguredModeAndRequestOverrideRenderTheReferencePrompt(ThinkingMode configured, bool? request, string referenceCase)
    {
        var reference = FolderTemplateParityTests.Case("qwen3", referenceCase);
        var question = reference.GetProperty("conversation").GetProperty("messages")[0].GetProperty("content").GetString()!;
        var generator = new ScriptedTextGenerator(_ => ["Paris."]);
        using var client = new OnnxChatClient(generator, ChatTemplates.Detect(folders.WriteFolder("qwen3")), new OnnxChatClientOptions { Thinking = configured });
        var options = new ChatOptions();
        if (request is { } on)
        {
            options.AdditionalProperties = new() { [OnnxChatClient.ThinkingProperty] = on };
        }

        await client.GetResponseAsync(question, options);

        Assert.Equal(reference.GetProperty("prompt").GetString(), Assert.Single(generator.Prompts));
    }

    [Fact]
    public async Task ReasoningStreamsAsReasoningAndNeverAsAnswerText()
    {
        var generator = new ScriptedTextGenerator(_ => ["<th", "ink>\nThe capital", " of France is Paris.\n</th", "ink>\n\n", "Paris."]);
        using var client = new OnnxChatClient(generator, ChatTemplates.Detect(folders.WriteFolder("qwen3")), new OnnxChatClientOptions { Thinking = ThinkingMode.On });

        var updates = await client.GetStreamingResponseAsync("Capital of France?").ToListAsync();

        var contents = updates.SelectMany(u => u.Contents).ToList();
        Assert.Equal("\nThe capital of France is Paris.\n", string.Concat(contents.OfType<TextReasoningContent>().Select(r => r.Text)));
        Assert.Equal("Paris.", string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task TemplateThatOpensThinkItselfStartsInReasoningAndOffClosesTheBlock()
    {
        // A DeepSeek-R1-distill-like template: no enable_thinking switch, the generation prompt opens <think>.
        const string Source = "{% for m in messages %}<｜User｜>{{ m['content'] }}{% endfor %}{% if add_generation_prompt %}<｜Assistant｜><think>\n{% endif %}";
        var template = new JinjaChatTemplate(Source, new Dictionary<string, string> { ["eos_token"] = "<｜end▁of▁sentence｜>" }, null);
        var generator = new ScriptedTextGenerator(_ => ["Two and two", " make four.\n</think>\n\n", "4"]);
        using var thinking = new OnnxChatClient(generator, template);
        using var direct = new OnnxChatClient(generator, template, new OnnxChatClientOptions { Thinking = ThinkingMode.Off });

        var response = await thinking.GetResponseAsync("2+2?");
        await direct.GetResponseAsync("2+2?");

        Assert.Equal("4", response.Text);
        Assert.Equal("Two and two make four.\n", string.Concat(response.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>().Select(r => r.Text)));
        Assert.Equal("<｜User｜>2+2?<｜Assistant｜><think>\n", generator.Prompts[0]);
        Assert.Equal("<｜User｜>2+2?<｜Assistant｜><think>\n\n</think>\n\n", generator.Prompts[1]);
    }

    [Fact]
    public async Task TemplateWithoutReasoningIgnoresThinkingOff()
    {
        var generator = new ScriptedTextGenerator(_ => ["Hi."]);
        var template = ChatTemplates.Detect(folders.WriteFolder("llama3_1"));
        using var auto = new OnnxChatClient(generator, template);
        using var off = new OnnxChatClient(generator, template, new OnnxChatClientOptions { Thinking = ThinkingMode.Off });

        await auto.GetResponseAsync("Hello");
        await off.GetResponseAsync("Hello");

        Assert.Equal(generator.Prompts[0], generator.Prompts[1]);
        Assert.DoesNotContain("think", generator.Prompts[1], StringComparison.Ordinal);
    }
}
