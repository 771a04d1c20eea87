namespace ChatRag.Core.Retrieval.Reranking;

/// <summary>What reranking did in one search, for traces.</summary>
/// <param name="Model">The reranker's name.</param>
/// <param name="Candidates">How many fused candidates it was given.</param>
/// <param name="Applied">Whether the results are in the reranker's order (false: the fused order was kept).</param>
/// <param name="Reason">Why the fused order was kept, when it was.</param>
/// <param name="Milliseconds">Time spent reranking.</param>
public sealed record RerankOutcome(string Model, int Candidates, bool Applied, string? Reason, double Milliseconds);
