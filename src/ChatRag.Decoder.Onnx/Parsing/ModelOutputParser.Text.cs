using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Parsing;

/// <summary>The text and reasoning states of the parser, and the whitespace rules around structure.</summary>
public sealed partial class ModelOutputParser
{
    /// <returns>Whether the mode changed, so the rest of the buffer must be read again.</returns>
    private bool ProcessText(bool final)
    {
        var text = pending.ToString();
        if (options.ToolCalls == ToolCallSyntax.Llama3Json && !textStarted)
        {
            // A Llama call is a whole response (or follows another call): a '{' before any text opens one.
            var first = FirstNonSeparator(text);
            if (first < 0 && !final)
            {
                return false;
            }

            if (first >= 0 && text[first] == '{')
            {
                heldWhitespace = string.Empty;
                Replace(text[first..]);
                jsonPrefix = string.Empty;
                mode = Mode.JsonCall;
                return true;
            }
        }

        var (index, tag) = TagSearch.FindFirst(text, textTags);
        if (tag is not null)
        {
            // Whitespace before a call stays held: dropped if the call is well formed, written back if it is not.
            EmitText(text[..index], beforeStructure: tag == options.ReasoningStart);
            Replace(text[(index + tag.Length)..]);
            EnterTag(tag);
            return true;
        }

        var hold = final ? 0 : TagSearch.PartialSuffix(text, textTags);
        EmitText(text[..^hold], beforeStructure: false);
        Replace(text[^hold..]);
        if (final)
        {
            FlushHeldWhitespace();
        }

        return false;
    }

    private void EnterTag(string tag)
    {
        if (tag == options.ReasoningStart)
        {
            mode = Mode.Reasoning;
        }
        else if (tag is PythonTag or MistralTag)
        {
            // Both are followed by bare JSON: Llama's call object, Mistral's array of calls.
            jsonPrefix = tag;
            mode = Mode.JsonCall;
        }
        else
        {
            mode = Mode.TaggedCall;
        }
    }

    private bool ProcessReasoning(bool final)
    {
        var text = pending.ToString();
        var end = text.IndexOf(options.ReasoningEnd, StringComparison.Ordinal);
        if (end >= 0)
        {
            Emit(new TextReasoningContent(text[..end]));
            Replace(text[(end + options.ReasoningEnd.Length)..]);
            mode = Mode.Text;
            dropLeading = true;
            afterCall = false;
            return true;
        }

        var hold = final ? 0 : TagSearch.PartialSuffix(text, [options.ReasoningEnd]);
        Emit(new TextReasoningContent(text[..^hold]));
        Replace(text[^hold..]);
        return false;
    }

    private void EmitText(string segment, bool beforeStructure)
    {
        var text = heldWhitespace + segment;
        heldWhitespace = string.Empty;
        if (dropLeading)
        {
            text = afterCall ? text.TrimStart().TrimStart(';').TrimStart() : text.TrimStart();
            dropLeading = text.Length == 0;
        }

        var core = text.TrimEnd();
        if (!beforeStructure)
        {
            heldWhitespace = text[core.Length..];
        }

        if (core.Length > 0)
        {
            textStarted = true;
            Emit(new TextContent(core));
        }
    }

    private void FlushHeldWhitespace()
    {
        if (heldWhitespace.Length > 0 && !dropLeading)
        {
            Emit(new TextContent(heldWhitespace));
        }

        heldWhitespace = string.Empty;
    }
}
