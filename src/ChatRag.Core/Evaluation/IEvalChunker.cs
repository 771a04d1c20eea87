using ChatRag.Core.Documents;

namespace ChatRag.Core.Evaluation;

/// <summary>Turns a corpus document into the chunks the evaluation indexes.</summary>
public interface IEvalChunker
{
    /// <summary>Short name, part of the cached index's identity.</summary>
    string Name { get; }

    /// <summary>The chunks of one document, in order.</summary>
    IReadOnlyList<NewChunk> Chunk(BeirDocument document);
}
