using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Parsing;

/// <summary>The tool-call states of the parser: inside a tagged block, or reading Llama's bare JSON.</summary>
public sealed partial class ModelOutputParser
{
    // The markup that opened the JSON being read ("<|python_tag|>" or nothing), written back if it is not a call.
    private string jsonPrefix = string.Empty;

    private bool ProcessTaggedCall(bool final)
    {
        var (open, close) = callTags!.Value;
        var text = pending.ToString();
        var end = text.IndexOf(close, StringComparison.Ordinal);
        if (end < 0 && !final)
        {
            return false;
        }

        var body = end >= 0 ? text[..end] : text;
        var calls = ToolCallReader.ReadSequence(body);
        if (calls is null && end >= 0)
        {
            // A closed block is a call the model meant to make: it goes to the tool loop as a malformed call, whose
            // error the model reads in the next turn and can correct, rather than as answer text.
            EmitCalls([ToolCallReader.Malformed(body)]);
        }
        else if (calls is null)
        {
            // Cut off before its closing tag (out of tokens): no later turn could use an error, so it stays text.
            EmitRaw(open + body);
        }
        else
        {
            EmitCalls(calls);
        }

        Replace(end >= 0 ? text[(end + close.Length)..] : string.Empty);
        mode = Mode.Text;
        return true;
    }

    private bool ProcessJsonCall(bool final)
    {
        var text = pending.ToString();
        var start = FirstNonSeparator(text);
        if (start < 0)
        {
            // Only separators so far; at the end they are dropped along with a lone prefix that held no call.
            if (final)
            {
                EmitRaw(jsonPrefix);
                Replace(string.Empty);
                mode = Mode.Text;
            }

            return final;
        }

        if (text[start] is not ('{' or '['))
        {
            // Not JSON: what follows is text (after a python tag, Llama's built-in tool code, kept as written).
            // The prefix is emitted here rather than put back in the buffer, where it would be read as a tag again.
            EmitRaw(jsonPrefix);
            Replace(text[start..]);
            jsonPrefix = string.Empty;
            textStarted = true;
            mode = Mode.Text;
            return true;
        }

        var end = JsonValueScanner.FindEnd(text, start);
        if (end < 0)
        {
            if (final)
            {
                EmitRaw(jsonPrefix + text[start..]);
                Replace(string.Empty);
                mode = Mode.Text;
            }

            return final;
        }

        if (ToolCallReader.ReadValue(text[start..end]) is { } calls)
        {
            EmitCalls(calls);
            jsonPrefix = string.Empty;
            Replace(text[end..]);
            return true;
        }

        EmitRaw(jsonPrefix + text[start..end]);
        jsonPrefix = string.Empty;
        Replace(text[end..]);
        mode = Mode.Text;
        return true;
    }

    private void EmitCalls(List<FunctionCallContent> calls)
    {
        heldWhitespace = string.Empty;
        foreach (var call in calls)
        {
            Emit(call);
        }

        dropLeading = true;
        afterCall = true;
        textStarted = false;
    }

    // Markup that turned out not to be a call: shown as the model wrote it, and text continues after it.
    private void EmitRaw(string raw)
    {
        if (raw.Length == 0)
        {
            return;
        }

        dropLeading = false;
        textStarted = true;
        EmitText(raw, beforeStructure: false);
    }

    private static int FirstNonSeparator(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && text[i] != ';')
            {
                return i;
            }
        }

        return -1;
    }
}
