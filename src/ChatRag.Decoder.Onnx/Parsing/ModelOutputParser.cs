using System.Text;
using ChatRag.Decoder.Onnx.Templates;
using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Parsing;

/// <summary>
/// Streaming reader of a model's raw output: reasoning between <c>&lt;think&gt;</c> tags becomes
/// <see cref="TextReasoningContent"/>, tool-call markup becomes <see cref="FunctionCallContent"/> (with a generated
/// call id and <see cref="System.Text.Json.JsonElement"/> argument values), everything else <see cref="TextContent"/>.
/// </summary>
/// <remarks>
/// <para>Text that could still be the start of a tag is held back until the next delta settles it, so a tag split
/// across deltas (<c>"&lt;tool_"</c> + <c>"call&gt;"</c>) never leaks as text. A call is emitted once its closing tag
/// (or, for Llama, its closing brace) has arrived.</para>
/// <para>Malformed calls are not lost: a closed block whose JSON does not parse, or is not <c>{"name", "arguments"}</c>,
/// is emitted as a <see cref="FunctionCallContent"/> without arguments whose <see cref="FunctionCallContent.Exception"/>
/// says what is wrong (the name kept when it can be read), so the tool loop answers it with an error the model reads.
/// An unclosed block at the end of generation is read as a call if its JSON is complete, otherwise as text.
/// Llama's bare JSON that is not a call stays text: an answer may well be JSON.</para>
/// <para>Whitespace that only separates structure (before and after a call, after the end of reasoning) is dropped.</para>
/// </remarks>
public sealed partial class ModelOutputParser : IModelOutputParser
{
    private enum Mode { Text, Reasoning, TaggedCall, JsonCall }

    private readonly ModelOutputParserOptions options;
    private readonly string[] textTags;
    private readonly (string Open, string Close)? callTags;
    private readonly StringBuilder pending = new();
    private List<AIContent> output = [];
    private Mode mode;
    private string heldWhitespace = string.Empty;
    private bool dropLeading;
    private bool afterCall;
    private bool textStarted;
    private bool completed;

    /// <summary>Creates a parser for one generation.</summary>
    /// <param name="options">What to recognise; see the presets on <see cref="ModelOutputParserOptions"/>.</param>
    public ModelOutputParser(ModelOutputParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        callTags = options.ToolCalls switch
        {
            ToolCallSyntax.Hermes => ("<tool_call>", "</tool_call>"),
            ToolCallSyntax.Phi4 => ("<|tool_call|>", "<|/tool_call|>"),
            _ => null,
        };
        var tags = new List<string>();
        if (options.ReasoningStart is { Length: > 0 } start)
        {
            tags.Add(start);
        }

        if (callTags is { } pair)
        {
            tags.Add(pair.Open);
        }

        if (options.ToolCalls == ToolCallSyntax.Llama3Json)
        {
            tags.Add(PythonTag);
        }

        if (options.ToolCalls == ToolCallSyntax.Mistral)
        {
            tags.Add(MistralTag);
        }

        textTags = [.. tags];
        mode = options.StartsInReasoning ? Mode.Reasoning : Mode.Text;
    }

    private const string PythonTag = "<|python_tag|>";
    private const string MistralTag = "[TOOL_CALLS]";

    /// <inheritdoc />
    public IEnumerable<AIContent> Push(string textDelta)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        ArgumentNullException.ThrowIfNull(textDelta);
        pending.Append(textDelta);
        Process(final: false);
        return TakeOutput();
    }

    /// <inheritdoc />
    public IEnumerable<AIContent> Complete()
    {
        ObjectDisposedException.ThrowIf(completed, this);
        Process(final: true);
        completed = true;
        return TakeOutput();
    }

    private List<AIContent> TakeOutput()
    {
        var output = this.output;
        this.output = [];
        return output;
    }

    private void Process(bool final)
    {
        var progressed = true;
        while (progressed)
        {
            progressed = mode switch
            {
                Mode.Text => ProcessText(final),
                Mode.Reasoning => ProcessReasoning(final),
                Mode.TaggedCall => ProcessTaggedCall(final),
                _ => ProcessJsonCall(final),
            };
        }
    }

    private void Emit(AIContent content)
    {
        // Merge neighbours of one kind so a delta yields at most one text and one reasoning item in a row.
        switch (content)
        {
            case TextReasoningContent { Text.Length: 0 }:
            case TextContent { Text.Length: 0 }:
                return;
            case TextReasoningContent reasoning when output.Count > 0 && output[^1] is TextReasoningContent previous:
                output[^1] = new TextReasoningContent(previous.Text + reasoning.Text);
                return;
            case TextContent text when output.Count > 0 && output[^1] is TextContent previous:
                output[^1] = new TextContent(previous.Text + text.Text);
                return;
            default:
                output.Add(content);
                return;
        }
    }

    private void Replace(string pending)
    {
        this.pending.Clear().Append(pending);
    }
}
