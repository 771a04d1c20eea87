namespace ChatRag.Templating;

/// <summary>
/// A template the engine cannot load or render: the message names the construct and its position
/// (line and column, 1-based) so a model folder's template can be fixed or reported.
/// </summary>
public sealed class TemplateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public TemplateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public TemplateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public TemplateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based line of the construct, 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>1-based column of the construct, 0 when unknown.</summary>
    public int Column { get; init; }

    internal static TemplateException At(string source, int offset, string message)
    {
        var (line, column) = Position(source, offset);
        return new TemplateException($"{message} (line {line}, column {column})") { Line = line, Column = column };
    }

    internal static (int Line, int Column) Position(string source, int offset)
    {
        offset = Math.Clamp(offset, 0, source.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (source[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
