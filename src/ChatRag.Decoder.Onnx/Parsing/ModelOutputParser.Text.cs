using Microsoft.Extensions.AI;

namespace ChatRag.Decoder.Onnx.Parsing;

/// <summary>The text and reasoning states of the parser, and the whitespace rules around structure.</summary>
public sealed partial class ModelOutputParser
{
    /// <returns>Whether the mode changed, so the rest of the buffer must be read again.</returns>
    private bool ProcessText(bool final)
    {
        var text = _pending.ToString();
        if (_options.ToolCalls == ToolCallSyntax.Llama3Json && !_textStarted)
        {
            // A Llama call is a whole response (or follows another call): a '{' before any text opens one.
            var first = FirstNonSeparator(text);
            if (first < 0 && !final)
            {
                return false;
            }

            if (first >= 0 && text[first] == '{')
            {
                _heldWhitespace = string.Empty;
                Replace(text[first..]);
                _jsonPrefix = string.Empty;
                _mode = Mode.JsonCall;
                return true;
            }
        }

        var (index, tag) = TagSearch.FindFirst(text, _textTags);
        if (tag is not null)
        {
            // Whitespace before a call stays held: dropped if the call is well formed, written back if it is not.
            EmitText(text[..index], beforeStructure: tag == _options.ReasoningStart);
            Replace(text[(index + tag.Length)..]);
            EnterTag(tag);
            return true;
        }

        var hold = final ? 0 : TagSearch.PartialSuffix(text, _textTags);
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
        if (tag == _options.ReasoningStart)
        {
            _mode = Mode.Reasoning;
        }
        else if (tag is PythonTag or MistralTag)
        {
            // Both are followed by bare JSON: Llama's call object, Mistral's array of calls.
            _jsonPrefix = tag;
            _mode = Mode.JsonCall;
        }
        else
        {
            _mode = Mode.TaggedCall;
        }
    }

    private bool ProcessReasoning(bool final)
    {
        var text = _pending.ToString();
        var end = text.IndexOf(_options.ReasoningEnd, StringComparison.Ordinal);
        if (end >= 0)
        {
            Emit(new TextReasoningContent(text[..end]));
            Replace(text[(end + _options.ReasoningEnd.Length)..]);
            _mode = Mode.Text;
            _dropLeading = true;
            _afterCall = false;
            return true;
        }

        var hold = final ? 0 : TagSearch.PartialSuffix(text, [_options.ReasoningEnd]);
        Emit(new TextReasoningContent(text[..^hold]));
        Replace(text[^hold..]);
        return false;
    }

    private void EmitText(string segment, bool beforeStructure)
    {
        var text = _heldWhitespace + segment;
        _heldWhitespace = string.Empty;
        if (_dropLeading)
        {
            text = _afterCall ? text.TrimStart().TrimStart(';').TrimStart() : text.TrimStart();
            _dropLeading = text.Length == 0;
        }

        var core = text.TrimEnd();
        if (!beforeStructure)
        {
            _heldWhitespace = text[core.Length..];
        }

        if (core.Length > 0)
        {
            _textStarted = true;
            Emit(new TextContent(core));
        }
    }

    private void FlushHeldWhitespace()
    {
        if (_heldWhitespace.Length > 0 && !_dropLeading)
        {
            Emit(new TextContent(_heldWhitespace));
        }

        _heldWhitespace = string.Empty;
    }
}
