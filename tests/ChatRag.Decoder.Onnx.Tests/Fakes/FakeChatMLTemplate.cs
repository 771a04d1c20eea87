using System.Text;
using System.Text.Json;
using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Tests.Fakes;

/// <summary>
/// A minimal ChatML template and tool-call parser, standing in for the real family templates (tested on their own)
/// so these tests exercise only OnnxChatClient's conversion layer.
/// </summary>
internal sealed class FakeChatMLTemplate : IChatTemplate
{
    public string Family => "fake-chatml";

    public IReadOnlyList<string> StopStrings => ["<|im_end|>"];

    public string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool addGenerationPrompt = true)
    {
        var sb = new StringBuilder();
        foreach (var message in messages)
        {
            sb.Append("<|im_start|>").Append(message.Role.Value).Append('\n').Append(message.Text);
            foreach (var result in message.Contents.OfType<FunctionResultContent>())
            {
                sb.Append("<tool_response>").Append(JsonSerializer.Serialize(result.Result)).Append("</tool_response>");
            }

            sb.Append("<|im_end|>\n");
        }

        return addGenerationPrompt ? sb.Append("<|im_start|>assistant\n").ToString() : sb.ToString();
    }

    public IModelOutputParser CreateOutputParser() => new Parser();

    private sealed class Parser : IModelOutputParser
    {
        private readonly StringBuilder toolCall = new();
        private bool inToolCall;

        public IEnumerable<AIContent> Push(string textDelta)
        {
            if (inToolCall || textDelta.StartsWith("<tool_call>", StringComparison.Ordinal))
            {
                inToolCall = true;
                toolCall.Append(textDelta);
                return [];
            }

            return [new TextContent(textDelta)];
        }

        public IEnumerable<AIContent> Complete()
        {
            if (!inToolCall)
            {
                return [];
            }

            var json = toolCall.ToString().Replace("<tool_call>", "", StringComparison.Ordinal).Replace("</tool_call>", "", StringComparison.Ordinal);
            using var doc = JsonDocument.Parse(json);
            var args = doc.RootElement.GetProperty("arguments").EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.GetString());
            return [new FunctionCallContent("call_1", doc.RootElement.GetProperty("name").GetString()!, args)];
        }
    }
}
