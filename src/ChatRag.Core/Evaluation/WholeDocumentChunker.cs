using ChatRag.Core.Documents;

namespace ChatRag.Core.Evaluation;

/// <summary>One chunk per document: the title on its own line, then the text (BEIR's own convention for title handling).</summary>
public sealed class WholeDocumentChunker : IEvalChunker
{
    /// <inheritdoc />
    public string Name => "whole";

    /// <inheritdoc />
    public IReadOnlyList<NewChunk> Chunk(BeirDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = string.IsNullOrWhiteSpace(document.Title) ? document.Text : document.Title + "\n" + document.Text;
        return [new NewChunk(0, text, EndOffset: text.Length)];
    }
}
