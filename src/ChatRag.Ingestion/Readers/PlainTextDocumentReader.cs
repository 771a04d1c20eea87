using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Model;
using ChatRag.Ingestion.TextAnalysis;

namespace ChatRag.Ingestion.Readers;

/// <summary>Plain text: paragraphs are separated by blank lines.</summary>
public sealed class PlainTextDocumentReader : IDocumentReader
{
    /// <inheritdoc />
    public bool CanRead(DocumentKind kind) => kind == DocumentKind.Text;

    /// <inheritdoc />
    public async Task<ExtractedDocument> ReadAsync(Stream content, ReaderContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var builder = DocumentTextBuilder.For(DocumentKind.Text, context, cancellationToken);
        var text = await ReadTextAsync(content, context, builder.Warnings, cancellationToken);
        foreach (var paragraph in SplitParagraphs(text))
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.AddParagraph(paragraph);
        }

        return builder.Build(pageCount: null);
    }

    /// <summary>Decodes a text upload, rejecting it before any further work when it is over the character limit.</summary>
    internal static async Task<string> ReadTextAsync(Stream content, ReaderContext context, ICollection<string> warnings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        // Every character takes at least one byte in UTF-8 and UTF-16 takes two, so the byte count bounds the text.
        if (bytes.Length / 2 > context.Limits.MaxExtractedCharacters)
        {
            throw TooLong(context);
        }

        var text = TextDecoder.Decode(bytes, context.Limits.ReplaceInvalidText, warnings);
        return text.Length > context.Limits.MaxExtractedCharacters ? throw TooLong(context) : text;
    }

    internal static IEnumerable<string> SplitParagraphs(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0)
            {
                end = text.Length;
            }

            if (end > start)
            {
                yield return text[start..end];
            }

            start = end + 2;
        }
    }

    private static DocumentLimitExceededException TooLong(ReaderContext context) =>
        new($"The text is longer than {context.Limits.MaxExtractedCharacters:N0} characters, the configured limit. Split it into smaller files and upload them separately.");
}
