namespace ChatRag.Decoder.Onnx.Parsing;

/// <summary>Finds where a JSON object or array ends in text that may still be arriving, without parsing it.</summary>
internal static class JsonValueScanner
{
    /// <summary>
    /// Returns the index just past the bracket that closes the object or array starting at <paramref name="start"/>,
    /// or -1 when the text ends first. Brackets inside strings (escapes included) are not counted.
    /// </summary>
    public static int FindEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{' or '[':
                    depth++;
                    break;
                case '}' or ']':
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return -1;
    }
}
