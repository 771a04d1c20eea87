using AngleSharp.Dom;

namespace ChatRag.Ingestion.Readers;

public sealed partial class HtmlDocumentReader
{
    /// <summary>Depth-first walk with an explicit stack, so nesting depth costs heap, never the call stack.</summary>
    private sealed class Walker(DocumentTextBuilder builder, int maxDepth, CancellationToken cancellationToken)
    {
        private readonly System.Text.StringBuilder inline = new();
        private bool depthWarned;

        public void Walk(IElement root)
        {
            // (node, depth, exiting): an exiting entry closes a block element after its children.
            var pending = new Stack<(INode Node, int Depth, bool Exiting)>();
            pending.Push((root, 0, false));
            var visited = 0;
            while (pending.Count > 0)
            {
                if (++visited % 4096 == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var (node, depth, exiting) = pending.Pop();
                if (exiting)
                {
                    Flush();
                    continue;
                }

                if (node is IText text)
                {
                    inline.Append(text.Data);
                    continue;
                }

                if (node is not IElement element || IsDropped(element))
                {
                    continue;
                }

                if (depth >= maxDepth)
                {
                    WarnDepth();
                    inline.Append(' ').Append(TextOf(element)).Append(' ');
                    continue;
                }

                if (HandleStructured(element))
                {
                    continue;
                }

                var block = BlockElements.Contains(element.LocalName) || element.LocalName == "table";
                if (block)
                {
                    Flush();
                    pending.Push((element, depth, true));
                }
                else if (element.LocalName == "br")
                {
                    inline.Append(' ');
                }

                for (var child = element.LastChild; child is not null; child = child.PreviousSibling)
                {
                    pending.Push((child, depth + 1, false));
                }
            }

            Flush();
        }

        /// <summary>Elements read as a whole: headings, lists, code, data tables. Returns false for containers.</summary>
        private bool HandleStructured(IElement element)
        {
            switch (element.LocalName)
            {
                case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                    Flush();
                    builder.AddHeading(TextOf(element), element.LocalName[1] - '0');
                    return true;
                case "ul" or "ol":
                    Flush();
                    builder.AddList(element.Children.Where(c => c.LocalName == "li").Select(TextOf));
                    return true;
                case "pre":
                    Flush();
                    builder.AddCode(element.TextContent);
                    return true;
                case "table" when element.QuerySelector("table") is null:
                    Flush();
                    builder.AddTable(element.QuerySelectorAll("tr")
                        .Select(r => (IReadOnlyList<string>)r.Children.Where(c => c.LocalName is "td" or "th").Select(TextOf).ToList())
                        .Where(r => r.Count > 0)
                        .ToList());
                    return true;
                default:
                    return false;
            }
        }

        private void Flush()
        {
            if (inline.Length == 0)
            {
                return;
            }

            builder.AddParagraph(inline.ToString());
            inline.Clear();
        }

        private void WarnDepth()
        {
            if (!depthWarned)
            {
                builder.Warnings.Add(DepthWarning(maxDepth));
                depthWarned = true;
            }
        }
    }
}
