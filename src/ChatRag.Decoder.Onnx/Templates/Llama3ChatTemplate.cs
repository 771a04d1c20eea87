using System.Globalization;
using System.Text;
using System.Text.Json;
using ChatRag.Decoder.Onnx.Parsing;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Templates;

/// <summary>
/// The template of Llama-3.2-*-Instruct (the Llama 3.1 tool prompt): <c>&lt;|begin_of_text|&gt;</c>, a system turn
/// with the knowledge-cutoff and today's date lines (and <c>Environment: ipython</c> when tools are offered),
/// tools as indented JSON in the first user turn, calls as <c>{"name": ..., "parameters": ...}</c> and results
/// in the <c>ipython</c> role, JSON-encoded as the template's <c>tojson</c> does.
/// </summary>
/// <remarks>
/// The prompt starts with the BOS token as text, so the tokenizer must not add another one.
/// Where the Hugging Face template raises (several calls in one assistant turn) this one writes them joined by
/// <c>"; "</c>, the separator Llama models use for parallel calls, rather than failing the conversation.
/// </remarks>
public sealed class Llama3ChatTemplate : IChatTemplate
{
    private const string Header = "<|start_header_id|>{0}<|end_header_id|>\n\n";
    private const string CallFormat =
        "Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.Do not use variables.\n\n";

    private readonly TimeProvider time;

    /// <summary>Creates the template.</summary>
    /// <param name="timeProvider">Source of the "Today Date" line (the template's <c>strftime_now</c>); the system clock when null.</param>
    public Llama3ChatTemplate(TimeProvider? timeProvider = null) => time = timeProvider ?? TimeProvider.System;

    /// <inheritdoc />
    public string Family => "llama3";

    /// <inheritdoc />
    public IReadOnlyList<string> StopStrings { get; } = ["<|eot_id|>", "<|eom_id|>", "<|end_of_text|>"];

    /// <inheritdoc />
    public IModelOutputParser CreateOutputParser() => new ModelOutputParser(ModelOutputParserOptions.Llama3);

    /// <inheritdoc />
    public string Render(IReadOnlyList<ChatMessage> messages, IReadOnlyList<AITool>? tools, bool addGenerationPrompt = true)
    {
        var list = TemplateMessage.From(messages);
        var functions = ToolDeclarations.Functions(tools);

        // HF passes tools=None when none are given; an empty list is "not none" in Jinja but we treat both alike,
        // since offering zero functions with the ipython environment only confuses the model.
        var hasTools = functions.Count > 0;
        var systemMessage = string.Empty;
        if (list.Count > 0 && list[0].Role == "system")
        {
            systemMessage = list[0].Content.Trim();
            list.RemoveAt(0);
        }

        var sb = new StringBuilder("<|begin_of_text|>");
        sb.AppendFormat(CultureInfo.InvariantCulture, Header, "system");
        if (hasTools)
        {
            sb.Append("Environment: ipython\n");
        }

        sb.Append("Cutting Knowledge Date: December 2023\n")
          .Append("Today Date: ").Append(time.GetLocalNow().ToString("dd MMM yyyy", CultureInfo.InvariantCulture)).Append("\n\n")
          .Append(systemMessage).Append("<|eot_id|>");

        if (hasTools)
        {
            if (list.Count == 0)
            {
                throw new InvalidOperationException("Cannot put tools in the first user message when there's no first user message!");
            }

            var firstUserMessage = list[0].Content.Trim();
            list.RemoveAt(0);
            sb.AppendFormat(CultureInfo.InvariantCulture, Header, "user")
              .Append("Given the following functions, please respond with a JSON for a function call ")
              .Append("with its proper arguments that best answers the given prompt.\n\n")
              .Append(CallFormat);
            foreach (var function in functions)
            {
                sb.Append(PythonJson.Dumps(ToolDeclarations.OpenAIForm(function), indent: 4)).Append("\n\n");
            }

            sb.Append(firstUserMessage).Append("<|eot_id|>");
        }

        foreach (var message in list)
        {
            AppendMessage(sb, message);
        }

        if (addGenerationPrompt)
        {
            sb.AppendFormat(CultureInfo.InvariantCulture, Header, "assistant");
        }

        return sb.ToString();
    }

    private static void AppendMessage(StringBuilder sb, TemplateMessage message)
    {
        if (message.Role is "tool" or "ipython")
        {
            sb.AppendFormat(CultureInfo.InvariantCulture, Header, "ipython").Append(ToolContent(message.Result)).Append("<|eot_id|>");
        }
        else if (message.HasToolCalls)
        {
            sb.AppendFormat(CultureInfo.InvariantCulture, Header, "assistant");
            sb.AppendJoin("; ", message.ToolCalls.Select(call =>
                "{\"name\": \"" + call.Name + "\", \"parameters\": " + TemplateMessage.ArgumentsJson(call) + "}"));
            sb.Append("<|eot_id|>");
        }
        else
        {
            sb.AppendFormat(CultureInfo.InvariantCulture, Header, message.Role).Append(message.Content.Trim()).Append("<|eot_id|>");
        }
    }

    // The template writes "content | tojson" when content "is mapping or is iterable", and in Jinja a string is
    // iterable: so string results reach the model as JSON string literals, quotes and escapes included.
    private static string ToolContent(object? result) => result switch
    {
        null => PythonJson.Dumps(string.Empty),
        string text => PythonJson.Dumps(text),
        JsonElement { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
        _ => PythonJson.Dumps(result),
    };
}
