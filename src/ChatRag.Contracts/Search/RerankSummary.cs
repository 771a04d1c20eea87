namespace ChatRag.Contracts.Search;

/// <summary>What the cross-encoder reranker did for one search (absent when no reranker is configured).</summary>
/// <param name="Model">The reranker's name.</param>
/// <param name="Candidates">How many fused candidates it rescored.</param>
/// <param name="Applied">Whether the results are in its order; false when the fused order was kept.</param>
/// <param name="Reason">Why the fused order was kept (for example the latency budget ran out).</param>
/// <param name="Milliseconds">Time spent reranking.</param>
public sealed record RerankSummary(string Model, int Candidates, bool Applied, string? Reason, double Milliseconds);
