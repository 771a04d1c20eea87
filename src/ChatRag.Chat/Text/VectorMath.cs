namespace ChatRag.Chat.Text;

/// <summary>Vector arithmetic shared by the evidence bar and the citation checker.</summary>
internal static class VectorMath
{
    /// <summary>Cosine similarity of two vectors, in double precision; 0 when either is all zeros.</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
