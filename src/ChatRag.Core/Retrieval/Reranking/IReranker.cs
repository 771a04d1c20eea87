namespace ChatRag.Core.Retrieval.Reranking;

/// <summary>A cross-encoder: reads the query and each passage together and scores how well the passage answers it.</summary>
public interface IReranker
{
    /// <summary>Model name, for traces.</summary>
    string Name { get; }

    /// <summary>
    /// Scores each passage for the query (higher is more relevant), in batches. Before each batch it asks
    /// <paramref name="overBudget"/>; when that says yes it stops and returns null, and the caller keeps its order.
    /// </summary>
    Task<IReadOnlyList<double>?> ScoreAsync(string query, IReadOnlyList<string> passages, Func<bool> overBudget, CancellationToken cancellationToken = default);
}
