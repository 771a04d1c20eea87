using System.Text;
using ChatRag.Ingestion.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChatRag.Ingestion.Readers;

/// <summary>Markdown via the Markdig AST: headings, paragraphs, lists, code and pipe tables. Markup is dropped from the text.</summary>
public sealed class MarkdownDocumentReader : IDocumentReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseGridTables().Build();

    /// <inheritdoc />
    public bool CanRead(DocumentKind kind) => kind == DocumentKind.Markdown;

    /// <inheritdoc />
    public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = DocumentTextBuilder.For(DocumentKind.Markdown, context, cancellationToken);
        var markdown = await PlainTextDocumentReader.ReadTextAsync(content, context, builder.Warnings, cancellationToken);
        var document = Markdown.Parse(markdown, Pipeline);

        // An explicit stack, not recursion: quotes and lists can nest as deep as the input likes.
        var pending = new Stack<Block>(document.Reverse());
        while (pending.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (pending.Pop())
            {
                case HeadingBlock heading:
                    builder.AddHeading(InlineText(heading.Inline), heading.Level);
                    break;
                case ParagraphBlock paragraph:
                    builder.AddParagraph(InlineText(paragraph.Inline));
                    break;
                case CodeBlock code:
                    builder.AddCode(code.Lines.ToString());
                    break;
                case Table table:
                    builder.AddTable(table.OfType<TableRow>().Select(r => (IReadOnlyList<string>)r.OfType<TableCell>().Select(ContainerText).ToList()).ToList());
                    break;
                case ListBlock list:
                    builder.AddList(list.OfType<ListItemBlock>().Select(ContainerText));
                    break;
                case ContainerBlock container:
                    foreach (var child in container.Reverse())
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }

        return builder.Build(pageCount: null);
    }

    /// <summary>All text under a container (a table cell, a list item with its sub-lists), on one line.</summary>
    private static string ContainerText(ContainerBlock container)
    {
        var text = new StringBuilder();
        var pending = new Stack<Block>(container.Reverse());
        while (pending.Count > 0)
        {
            var block = pending.Pop();
            if (block is LeafBlock leaf)
            {
                text.Append(' ').Append(leaf.Inline is null ? leaf.Lines.ToString() : InlineText(leaf.Inline));
            }
            else if (block is ContainerBlock inner)
            {
                foreach (var child in inner.Reverse())
                {
                    pending.Push(child);
                }
            }
        }

        return text.ToString();
    }

    private static string InlineText(ContainerInline? root)
    {
        if (root is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        var pending = new Stack<Inline>(root.Reverse());
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case AutolinkInline link:
                    text.Append(link.Url);
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.AsSpan());
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline container:
                    foreach (var child in container.Reverse())
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }

        return text.ToString();
    }
}
