using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ChatRag.Ingestion.Model;

namespace ChatRag.Ingestion.Readers;

/// <summary>
/// HTML via AngleSharp: the main content only (<c>main</c>, a single <c>article</c>, or the body), without navigation,
/// scripts, styles, headers, footers and asides; headings, paragraphs, lists, code and data tables kept as structure.
/// Tables that contain tables are layout, so they are read as containers rather than as data.
/// </summary>
public sealed partial class HtmlDocumentReader : IDocumentReader
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "svg", "canvas",
        "head", "button", "select", "object", "embed", "dialog",
    };

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "blockquote", "dd", "dt", "dl", "figure", "figcaption", "address",
        "tr", "td", "th", "tbody", "thead", "tfoot", "caption", "details", "summary", "form", "fieldset", "hr", "body", "center",
    };

    /// <inheritdoc />
    public bool CanRead(DocumentKind kind) => kind == DocumentKind.Html;

    /// <inheritdoc />
    public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = DocumentTextBuilder.For(DocumentKind.Html, context, cancellationToken);
        var html = await PlainTextDocumentReader.ReadTextAsync(content, context, builder.Warnings, cancellationToken);
        html = HtmlDepthGuard.Flatten(html, context.Limits.MaxHtmlDepth, out var flattened);
        if (flattened)
        {
            builder.Warnings.Add(DepthWarning(context.Limits.MaxHtmlDepth));
        }

        var document = await new HtmlParser().ParseDocumentAsync(html, cancellationToken);
        var root = MainContent(document);
        if (root is not null)
        {
            new Walker(builder, context.Limits.MaxHtmlDepth, cancellationToken).Walk(root);
        }

        return builder.Build(pageCount: null);
    }

    private static string DepthWarning(int maxDepth) =>
        $"The HTML nests deeper than {maxDepth} elements; deeper content was read as plain text.";

    private static IElement? MainContent(IDocument document)
    {
        var main = document.QuerySelector("main") ?? document.QuerySelector("[role=main]");
        if (main is not null)
        {
            return main;
        }

        var articles = document.QuerySelectorAll("article");
        return articles.Length == 1 ? articles[0] : document.Body ?? document.DocumentElement;
    }

    private static bool IsDropped(IElement element) =>
        Dropped.Contains(element.LocalName)
        || element.HasAttribute("hidden")
        || string.Equals(element.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(element.GetAttribute("role"), "navigation", StringComparison.OrdinalIgnoreCase);

    /// <summary>All visible text below a node, gathered without recursion.</summary>
    private static string TextOf(INode node)
    {
        var text = new System.Text.StringBuilder();
        var pending = new Stack<INode>();
        pending.Push(node);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current is IText t)
            {
                text.Append(t.Data);
                continue;
            }

            if (current is IElement e && (IsDropped(e) && current != node))
            {
                continue;
            }

            if (current is IElement { LocalName: "br" or "p" or "div" or "li" or "td" or "th" or "tr" })
            {
                text.Append(' ');
            }

            for (var child = current.LastChild; child is not null; child = child.PreviousSibling)
            {
                pending.Push(child);
            }
        }

        return text.ToString();
    }
}
