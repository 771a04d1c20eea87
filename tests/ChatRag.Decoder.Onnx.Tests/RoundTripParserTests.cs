using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;
using static ChatRag.Decoder.Onnx.Tests.ParserRun;

namespace ChatRag.Decoder.Onnx.Tests;

/// <summary>
/// What a template writes for a past assistant call is what the model is taught to emit, so each family's parser
/// must read it back into the same call.
/// </summary>
public sealed class RoundTripParserTests
{
    public static TheoryData<string, string, string> Families => new()
    {
        // family, text between the assistant header and the end-of-turn marker, end-of-turn marker
        { "qwen2.5", "<|im_start|>assistant\n", "<|im_end|>" },
        { "llama3", "<|start_header_id|>assistant<|end_header_id|>\n\n", "<|eot_id|>" },
        { "phi4", "<|assistant|>", "<|end|>" },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void RenderedCallParsesBackToTheSameCall(string family, string header, string endOfTurn)
    {
        var template = ChatTemplates.ForFamily(family);
        var call = TemplateTestData.SearchCall("call_1", "décodeur \"options\"", "docs");
        List<ChatMessage> messages = [new(ChatRole.User, "q"), new(ChatRole.Assistant, [call])];

        var prompt = template.Render(messages, [TemplateTestData.SearchTool], addGenerationPrompt: false);
        var start = prompt.LastIndexOf(header, StringComparison.Ordinal) + header.Length;
        var emitted = prompt[start..prompt.IndexOf(endOfTurn, start, StringComparison.Ordinal)];

        var parsed = Assert.IsType<FunctionCallContent>(Assert.Single(Feed(template.CreateOutputParser(), Splits(emitted).Last())));
        Assert.Equal("search", parsed.Name);
        Assert.Equal("décodeur \"options\"", parsed.Arguments!["query"]!.ToString());
        Assert.Equal("docs", parsed.Arguments!["corpus"]!.ToString());
    }
}
