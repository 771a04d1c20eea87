namespace ChatRag.TextAnalysis.Analysis;

/// <summary>An index or query term and the span of source text it came from (for highlighting).</summary>
/// <param name="Term">The analysed term: lower-cased, elision removed, stemmed, accents folded.</param>
/// <param name="Start">Offset of the source word in the text.</param>
/// <param name="End">End offset (exclusive) of the source word.</param>
public readonly record struct AnalysedToken(string Term, int Start, int End);
