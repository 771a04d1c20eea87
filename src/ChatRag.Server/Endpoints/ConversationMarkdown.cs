using System.Globalization;
using System.Text;
using ChatRag.Contracts.Chat;

namespace ChatRag.Server.Endpoints;

/// <summary>A conversation export as Markdown: a heading per question, the answer, its citations with the passages quoted, and its sources.</summary>
internal static class ConversationMarkdown
{
    public static string Write(ConversationExport export)
    {
        var md = new StringBuilder();
        md.Append("# ").AppendLine(OneLine(export.Title)).AppendLine();
        md.Append("Collection: ").Append(OneLine(export.Collection))
            .Append(CultureInfo.InvariantCulture, $" · started {export.CreatedAt:yyyy-MM-dd HH:mm} UTC · exported {export.ExportedAt:yyyy-MM-dd HH:mm} UTC").AppendLine();
        if (export.DocumentIds.Count > 0)
        {
            md.Append("Answered from the chosen documents: ").AppendJoin(", ", export.DocumentIds).AppendLine();
        }

        foreach (var turn in export.Turns)
        {
            md.AppendLine().Append("## ").AppendLine(OneLine(turn.Question)).AppendLine();
            md.AppendLine(turn.Answer.Length > 0 ? turn.Answer : "_No answer was stored._");
            if (turn.Citations.Count > 0)
            {
                md.AppendLine().AppendLine("### Citations").AppendLine();
                foreach (var citation in turn.Citations)
                {
                    md.Append(CultureInfo.InvariantCulture, $"[{citation.Index}] {OneLine(citation.DocumentName)}{Page(citation.Page)}").AppendLine();
                    foreach (var line in citation.Text.Split('\n'))
                    {
                        md.Append("> ").AppendLine(line.TrimEnd('\r'));
                    }

                    md.AppendLine();
                }
            }

            if (turn.Sources.Count > 0)
            {
                md.AppendLine("### Sources").AppendLine();
                foreach (var source in turn.Sources)
                {
                    md.Append(CultureInfo.InvariantCulture, $"{source.Index}. {OneLine(source.DocumentName)}{Page(source.Page)} (document {source.DocumentId}, passage {source.ChunkId})").AppendLine();
                }
            }
        }

        return md.ToString();
    }

    private static string Page(int? page) => page is { } p ? string.Create(CultureInfo.InvariantCulture, $", page {p}") : string.Empty;

    // Headings and list items are one line each; a newline in a title or name would start new Markdown blocks.
    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
