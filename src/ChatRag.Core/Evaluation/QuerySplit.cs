namespace ChatRag.Core.Evaluation;

/// <summary>
/// A fixed half/half split of query ids by a stable hash: tune on <see cref="Tune"/>, confirm on <see cref="HeldOut"/>,
/// so a change that only fits the queries it was tried on shows up as a gap between the two.
/// </summary>
public static class QuerySplit
{
    /// <summary>All queries.</summary>
    public const string All = "all";

    /// <summary>The half used while tuning.</summary>
    public const string Tune = "tune";

    /// <summary>The half kept for confirmation.</summary>
    public const string HeldOut = "heldout";

    /// <summary>Whether the query belongs to the split.</summary>
    public static bool Contains(string split, string queryId) => split switch
    {
        All => true,
        Tune => !IsHeldOut(queryId),
        HeldOut => IsHeldOut(queryId),
        _ => throw new ArgumentException($"Unknown split '{split}'; use all, tune or heldout.", nameof(split)),
    };

    private static bool IsHeldOut(string queryId)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in queryId)
            {
                hash = (hash ^ c) * 16777619u;
            }

            return (hash & 1) == 1;
        }
    }
}
