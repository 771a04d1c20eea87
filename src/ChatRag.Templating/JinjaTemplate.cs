using ChatRag.Templating.Parsing;
using ChatRag.Templating.Runtime;

namespace ChatRag.Templating;

/// <summary>
/// A parsed Jinja template. Parsing checks every tag, filter and test, so a template that uses something this
/// engine does not support fails here with the construct's name and position rather than rendering wrong text.
/// </summary>
public sealed class JinjaTemplate
{
    private readonly string source;
    private readonly IReadOnlyList<Node> nodes;

    private JinjaTemplate(string source, IReadOnlyList<Node> nodes)
    {
        this.source = source;
        this.nodes = nodes;
    }

    /// <summary>Parses <paramref name="source"/>.</summary>
    /// <param name="source">The template text.</param>
    /// <param name="options">Whitespace options; <see cref="TemplateOptions.ChatTemplate"/> for Hugging Face chat templates.</param>
    /// <returns>The template, ready to render any number of times.</returns>
    /// <exception cref="TemplateException">A syntax error or an unsupported construct, with its line and column.</exception>
    public static JinjaTemplate Parse(string source, TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return new JinjaTemplate(source, Parser.Parse(source, options));
    }

    /// <summary>Renders the template.</summary>
    /// <param name="variables">
    /// Top-level variables: strings, numbers, booleans, <see langword="null"/>, dictionaries, sequences or
    /// <see cref="System.Text.Json.JsonElement"/> values (objects keep their key order).
    /// </param>
    /// <param name="time">The clock <c>strftime_now</c> reads; the system clock when omitted.</param>
    /// <returns>The rendered text.</returns>
    /// <exception cref="TemplateException">A runtime error or <c>raise_exception</c>, with the position of the expression.</exception>
    public string Render(IReadOnlyDictionary<string, object?> variables, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(variables);
        return new Renderer(source, time ?? TimeProvider.System).Render(nodes, variables);
    }
}
