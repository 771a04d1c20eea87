using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Components.Rendering;

namespace ChatRag.Web.Markdown;

/// <summary>Inline elements: text with citation and unsupported markers, emphasis, code, links.</summary>
public sealed partial class MarkdownView
{
    private void RenderInlines(RenderTreeBuilder builder, ContainerInline? container)
    {
        if (container is null)
        {
            return;
        }

        foreach (var inline in container)
        {
            RenderInline(builder, inline);
        }
    }

    private void RenderInline(RenderTreeBuilder builder, Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                RenderText(builder, literal.Content.ToString());
                break;
            case CodeInline code:
                builder.OpenElement(50, "code");
                builder.AddContent(51, AnswerMarkup.Restore(code.Content));
                builder.CloseElement();
                break;
            case EmphasisInline emphasis:
                builder.OpenElement(52, emphasis.DelimiterCount >= 2 ? "strong" : "em");
                RenderInlines(builder, emphasis);
                builder.CloseElement();
                break;
            case LineBreakInline lineBreak:
                if (lineBreak.IsHard)
                {
                    builder.OpenElement(53, "br");
                    builder.CloseElement();
                }
                else
                {
                    builder.AddContent(54, "\n");
                }

                break;
            case AutolinkInline autolink:
                RenderLink(builder, autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, null, autolink.Url);
                break;
            case LinkInline { IsImage: true } image:
                // Images are not loaded (no requests to addresses chosen by untrusted text); their alt text is shown.
                RenderInlines(builder, image);
                break;
            case LinkInline link:
                RenderLink(builder, link.GetDynamicUrl?.Invoke() ?? link.Url, link, null);
                break;
            case HtmlEntityInline entity:
                builder.AddContent(55, entity.Transcoded.ToString());
                break;
            case HtmlInline html:
                builder.AddContent(56, html.Tag);
                break;
            case ContainerInline container:
                RenderInlines(builder, container);
                break;
            default:
                builder.AddContent(57, AnswerMarkup.Restore(inline.ToString() ?? string.Empty));
                break;
        }
    }

    private void RenderLink(RenderTreeBuilder builder, string? url, ContainerInline? content, string? text)
    {
        var safe = IsSafeUrl(url);
        builder.OpenElement(60, safe ? "a" : "span");
        if (safe)
        {
            builder.AddAttribute(61, "href", url);
            builder.AddAttribute(62, "target", "_blank");
            builder.AddAttribute(63, "rel", "noopener noreferrer nofollow");
        }

        if (content is not null)
        {
            RenderInlines(builder, content);
        }
        else
        {
            builder.AddContent(64, text);
        }

        builder.CloseElement();
    }

    private static bool IsSafeUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);

    private void RenderText(RenderTreeBuilder builder, string text)
    {
        foreach (var token in AnswerMarkup.Tokenize(text))
        {
            switch (token.Kind)
            {
                case MarkupTokenKind.Citation:
                    RenderCitation(builder, token.Value);
                    break;
                case MarkupTokenKind.UnsupportedStart:
                    insideUnsupported = true;
                    break;
                case MarkupTokenKind.UnsupportedEnd:
                    insideUnsupported = false;
                    builder.OpenElement(70, "span");
                    builder.AddAttribute(71, "class", "unsupported-flag");
                    builder.AddAttribute(72, "title", "This sentence is not supported by the source it cites.");
                    builder.AddContent(73, " (not supported by the cited source)");
                    builder.CloseElement();
                    break;
                case MarkupTokenKind.Text when insideUnsupported:
                    builder.OpenElement(74, "span");
                    builder.AddAttribute(75, "class", "unsupported");
                    builder.AddContent(76, token.Value);
                    builder.CloseElement();
                    break;
                default:
                    builder.AddContent(77, token.Value);
                    break;
            }
        }
    }
}
