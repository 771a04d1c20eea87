namespace ChatRag.Ingestion.Chunking;

/// <summary>
/// The smallest piece the packer moves: a sentence, a list or code line, a table row, a whole table that fits,
/// or a word window of an over-long sentence. Spans point into the document text.
/// </summary>
/// <param name="Start">Start offset in the document text.</param>
/// <param name="End">End offset in the document text.</param>
/// <param name="Tokens">Tokens of the span.</param>
/// <param name="StartsBlock">Whether a block (paragraph, list, table) begins here: the preferred place to cut.</param>
/// <param name="Page">Page of the owning block.</param>
/// <param name="TableHeader">For table rows after the first: the header lines to repeat when a chunk starts here.</param>
internal readonly record struct ChunkUnit(int Start, int End, int Tokens, bool StartsBlock, int? Page, string? TableHeader);
