namespace ChatRag.Ingestion.Readers;

/// <summary>
/// The output of one PDF stream decoder, grown as it is produced and never past the budget: a bomb is refused before
/// its output exists, and what the budget allows costs at most about twice the budget while it grows.
/// </summary>
internal sealed class PdfOutputBuffer(int initialCapacity, int maxBytes, Func<Exception> tooLarge)
{
    /// <summary>
    /// A buffer for decoding <paramref name="inputLength"/> encoded bytes: four times the input to start with (at least
    /// 4 KiB), so ordinary streams rarely grow it, never more than the budget.
    /// </summary>
    public static PdfOutputBuffer ForInput(int inputLength, int maxBytes, Func<Exception> tooLarge) =>
        new((int)Math.Min(int.MaxValue, Math.Max(4096L, inputLength * 4L)), maxBytes, tooLarge);

    public byte[] Data { get; private set; } = new byte[Math.Clamp(initialCapacity, 1, Math.Max(1, maxBytes))];

    public int Length { get; set; }

    /// <summary>Makes room for <paramref name="count"/> more bytes, or throws the over-budget error.</summary>
    public void Reserve(int count)
    {
        var required = (long)Length + count;
        if (required > maxBytes)
        {
            throw tooLarge();
        }

        if (required > Data.Length)
        {
            var grown = new byte[(int)Math.Min(maxBytes, Math.Max(required, Data.Length * 2L))];
            Data.AsSpan(0, Length).CopyTo(grown);
            Data = grown;
        }
    }

    /// <summary>The room left in the buffer, growing it first when it is full; empty only at the budget.</summary>
    public Span<byte> Free()
    {
        if (Length == Data.Length && Length < maxBytes)
        {
            Reserve(1);
        }

        return Data.AsSpan(Length);
    }

    public Memory<byte> ToMemory() => Data.AsMemory(0, Length);
}
