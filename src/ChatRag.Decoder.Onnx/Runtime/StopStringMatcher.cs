namespace ChatRag.Decoder.Onnx.Runtime;

/// <summary>
/// Watches streamed text for stop strings. Text that could still be the start of a stop string is held back, so
/// nothing of a stop string ever reaches the caller, even when it arrives split across tokens.
/// </summary>
public sealed class StopStringMatcher
{
    private readonly string[] stops;
    private string pending = string.Empty;

    /// <summary>Creates a matcher; empty strings are ignored.</summary>
    public StopStringMatcher(IEnumerable<string> stopStrings) =>
        stops = [.. (stopStrings ?? []).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether a stop string has been seen.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Adds text; returns what is safe to emit now.</summary>
    public string Push(string delta)
    {
        if (Stopped || string.IsNullOrEmpty(delta))
        {
            return string.Empty;
        }

        pending += delta;
        var first = -1;
        foreach (var stop in stops)
        {
            var at = pending.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        if (first >= 0)
        {
            Stopped = true;
            var before = pending[..first];
            pending = string.Empty;
            return before;
        }

        var hold = LongestSuffixThatStartsAStop();
        var emit = pending[..^hold];
        pending = pending[^hold..];
        return emit;
    }

    /// <summary>Releases held-back text at the end of generation.</summary>
    public string Flush()
    {
        var rest = Stopped ? string.Empty : pending;
        pending = string.Empty;
        return rest;
    }

    private int LongestSuffixThatStartsAStop()
    {
        var best = 0;
        foreach (var stop in stops)
        {
            for (var length = Math.Min(stop.Length - 1, pending.Length); length > best; length--)
            {
                if (pending.AsSpan(pending.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    best = length;
                    break;
                }
            }
        }

        return best;
    }
}
