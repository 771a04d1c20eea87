using ChatRag.Decoder.Onnx.Templates;
using static ChatRag.Decoder.Onnx.Tests.ParserRun;

namespace ChatRag.Decoder.Onnx.Tests;

public sealed class LlamaAndPhiParserTests
{
    private const string LlamaCall = "{\"name\": \"search\", \"parameters\": {\"query\": \"decoder options\", \"corpus\": \"docs\"}}";
    private static readonly string SearchLine = "call:search" + Args(("query", "decoder options"), ("corpus", "docs"));

    private static IModelOutputParser Llama() => new Llama3ChatTemplate().CreateOutputParser();

    private static IModelOutputParser Phi4() => new Phi4ChatTemplate().CreateOutputParser();

    [Fact]
    public void LlamaBareJsonResponseIsACall() => AssertSplitInvariant(Llama, LlamaCall, [SearchLine]);

    [Fact]
    public void LlamaPythonTagCall() => AssertSplitInvariant(Llama, "<|python_tag|>" + LlamaCall, [SearchLine]);

    [Fact]
    public void LlamaSeveralCallsSeparatedBySemicolons() =>
        AssertSplitInvariant(Llama, LlamaCall + "; " + LlamaCall.Replace("docs", "code", StringComparison.Ordinal),
            [SearchLine, "call:search" + Args(("query", "decoder options"), ("corpus", "code"))]);

    [Fact]
    public void LlamaPlainAnswerWithBracesStaysText() =>
        AssertSplitInvariant(Llama, "Set {\"name\": \"x\", \"parameters\": {}} in the file.", ["text:Set {\"name\": \"x\", \"parameters\": {}} in the file."]);

    [Fact]
    public void LlamaJsonThatIsNotACallIsText() =>
        AssertSplitInvariant(Llama, "{\"answer\": 42} is the result.", ["text:{\"answer\": 42} is the result."]);

    [Fact]
    public void LlamaTruncatedJsonIsText() =>
        AssertSplitInvariant(Llama, "{\"name\": \"search\", \"parameters\": {\"query\": \"de", ["text:{\"name\": \"search\", \"parameters\": {\"query\": \"de"]);

    [Fact]
    public void LlamaPythonTagWithBuiltInToolCodeIsKeptAsText() =>
        AssertSplitInvariant(Llama, "<|python_tag|>brave_search.call(query=\"x\")", ["text:<|python_tag|>brave_search.call(query=\"x\")"]);

    [Fact]
    public void LlamaTextThenPythonTagCall() =>
        AssertSplitInvariant(Llama, "Looking it up.<|python_tag|>" + LlamaCall, ["text:Looking it up.", SearchLine]);

    [Fact]
    public void Phi4CallListWithSeveralCalls()
    {
        const string text = "<|tool_call|>[{\"name\": \"search\", \"arguments\": {\"query\": \"decoder options\", \"corpus\": \"docs\"}}, " +
            "{\"name\": \"search\", \"arguments\": {\"query\": \"decoder options\", \"corpus\": \"code\"}}]<|/tool_call|>";
        AssertSplitInvariant(Phi4, text, [SearchLine, "call:search" + Args(("query", "decoder options"), ("corpus", "code"))]);
    }

    [Fact]
    public void Phi4CallsWithoutBracketsOrClosingTag() =>
        AssertSplitInvariant(Phi4, "Sure.<|tool_call|>{\"name\": \"search\", \"arguments\": {\"query\": \"decoder options\", \"corpus\": \"docs\"}}",
            ["text:Sure.", SearchLine]);

    [Fact]
    public void Phi4MalformedCallIsAMalformedCall() =>
        AssertSplitInvariant(Phi4, "<|tool_call|>[{\"name\": search}]<|/tool_call|>", ["malformed:search"]);

    [Fact]
    public void Phi4ReasoningThenAnswer() =>
        AssertSplitInvariant(Phi4, "<think>x</think>Answer with <|tool", ["reasoning:x", "text:Answer with <|tool"]);
}
