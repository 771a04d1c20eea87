using Markdig;
using Markdig.Syntax;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;

namespace ChatRag.Web.Markdown;

/// <summary>
/// Renders an answer's Markdown as Blazor elements, never as raw HTML: the text comes from documents and a model, so it
/// is untrusted. Raw HTML is disabled in the parser and every text node is escaped by the renderer; links keep only
/// http(s) and mailto targets. Citation numbers become <c>Source n</c> buttons; unsupported sentences are marked.
/// </summary>
public sealed partial class MarkdownView : ComponentBase
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private bool insideUnsupported;

    /// <summary>The answer, already passed through <see cref="AnswerMarkup.Prepare"/>.</summary>
    [Parameter]
    public string Text { get; set; } = string.Empty;

    /// <summary>Called with the number when a citation control is pressed.</summary>
    [Parameter]
    public EventCallback<int> OnCite { get; set; }

    /// <summary>Numbers of citations whose sentences are not supported by the passage (drawn as warnings).</summary>
    [Parameter]
    public IReadOnlySet<int> UnsupportedCitations { get; set; } = new HashSet<int>();

    /// <summary>When true, the first paragraph is drawn as a muted preface (the extractive answer's notice).</summary>
    [Parameter]
    public bool FirstParagraphIsPreface { get; set; }

    /// <inheritdoc />
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        insideUnsupported = false;
        var document = Markdig.Markdown.Parse(Text ?? string.Empty, Pipeline);
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "markdown");
        var first = true;
        foreach (var block in document)
        {
            if (first && FirstParagraphIsPreface && block is ParagraphBlock preface)
            {
                builder.OpenElement(2, "p");
                builder.AddAttribute(3, "class", "preface muted");
                RenderInlines(builder, preface.Inline);
                builder.CloseElement();
            }
            else
            {
                RenderBlock(builder, block);
            }

            first = false;
        }

        builder.CloseElement();
    }

    private void RenderBlock(RenderTreeBuilder builder, Block block)
    {
        switch (block)
        {
            case HeadingBlock heading:
                // The page owns h1/h2; answer headings start at h3.
                builder.OpenElement(10, $"h{Math.Clamp(heading.Level + 2, 3, 6)}");
                RenderInlines(builder, heading.Inline);
                builder.CloseElement();
                break;
            case ParagraphBlock paragraph:
                builder.OpenElement(11, "p");
                RenderInlines(builder, paragraph.Inline);
                builder.CloseElement();
                break;
            case CodeBlock code:
                builder.OpenElement(12, "pre");
                builder.OpenElement(13, "code");
                if (code is FencedCodeBlock { Info: { Length: > 0 } info })
                {
                    builder.AddAttribute(14, "class", "language-" + info);
                }

                builder.AddContent(15, AnswerMarkup.Restore(code.Lines.ToString()));
                builder.CloseElement();
                builder.CloseElement();
                break;
            case ListBlock list:
                builder.OpenElement(16, list.IsOrdered ? "ol" : "ul");
                if (list.IsOrdered && list.OrderedStart is { Length: > 0 } start && start != "1")
                {
                    builder.AddAttribute(17, "start", start);
                }

                RenderChildren(builder, list);
                builder.CloseElement();
                break;
            case ListItemBlock item:
                builder.OpenElement(18, "li");
                RenderChildren(builder, item);
                builder.CloseElement();
                break;
            case QuoteBlock quote:
                builder.OpenElement(19, "blockquote");
                RenderChildren(builder, quote);
                builder.CloseElement();
                break;
            case ThematicBreakBlock:
                builder.OpenElement(20, "hr");
                builder.CloseElement();
                break;
            case LinkReferenceDefinitionGroup:
                break;
            case ContainerBlock container:
                RenderChildren(builder, container);
                break;
            case LeafBlock leaf:
                // Anything else (an HTML block if one slipped through) is shown as text.
                builder.OpenElement(21, "p");
                if (leaf.Inline is not null)
                {
                    RenderInlines(builder, leaf.Inline);
                }
                else
                {
                    builder.AddContent(22, AnswerMarkup.Restore(leaf.Lines.ToString()));
                }

                builder.CloseElement();
                break;
        }
    }

    private void RenderChildren(RenderTreeBuilder builder, ContainerBlock container)
    {
        foreach (var child in container)
        {
            RenderBlock(builder, child);
        }
    }

    private void RenderCitation(RenderTreeBuilder builder, string numbers)
    {
        // "1, 2" (one marker citing two sources) becomes one button per source.
        foreach (var number in numbers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var index = int.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
            var unsupported = UnsupportedCitations.Contains(index);
            builder.OpenElement(40, "button");
            builder.AddAttribute(41, "type", "button");
            builder.AddAttribute(42, "class", unsupported ? "cite unsupported" : "cite");
            builder.AddAttribute(43, "aria-label", $"Source {index}");
            builder.AddAttribute(44, "title", unsupported ? $"Source {index} (does not fully support this sentence)" : $"Source {index}");
            builder.AddAttribute(45, "onclick", EventCallback.Factory.Create<MouseEventArgs>(this, () => OnCite.InvokeAsync(index)));
            builder.AddContent(46, index);
            builder.CloseElement();
        }
    }
}
