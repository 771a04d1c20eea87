using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ChatRag.Ingestion.Tests.Readers;

/// <summary>
/// Encoded PDF streams built in the test: zlib data, an LZW encoder that follows the decoder's table and code widths
/// (ISO 32000-1 §7.4.4, <c>/EarlyChange 1</c>), an LZW bomb, and a filter provider that counts its decodes.
/// </summary>
internal static class PdfStreams
{
    private const int Clear = 256;
    private const int EndOfData = 257;

    public static DictionaryToken Dictionary(NameToken filter, DictionaryToken? parameters = null)
    {
        var entries = new Dictionary<NameToken, IToken> { [NameToken.Filter] = filter };
        if (parameters is not null)
        {
            entries[NameToken.DecodeParms] = parameters;
        }

        return new DictionaryToken(entries);
    }

    public static DictionaryToken Predictor(int predictor, int colors, int columns, int bits) => new(new Dictionary<NameToken, IToken>
    {
        [NameToken.BitsPerComponent] = new NumericToken(bits),
        [NameToken.Predictor] = new NumericToken(predictor),
        [NameToken.Colors] = new NumericToken(colors),
        [NameToken.Columns] = new NumericToken(columns),
    });

    public static DictionaryToken EarlyChange(int value) => new(new Dictionary<NameToken, IToken> { [NameToken.EarlyChange] = new NumericToken(value) });

    /// <summary>
    /// Fifty rows of random bytes for a predictor's parameters (seeded by the predictor), each PNG row starting with the
    /// filter types 0 to 4 in turn, so every PNG filter is undone; a TIFF predictor ignores them.
    /// </summary>
    public static byte[] PredictedRows(int predictor, int colors, int columns, int bits)
    {
        var row = ((colors * columns * bits) + 7) / 8 + (predictor >= 10 ? 1 : 0);
        var raw = new byte[row * 50];
        new Random(predictor).NextBytes(raw);
        for (var r = 0; predictor >= 10 && r < 50; r++)
        {
            raw[r * row] = (byte)(r % 5);
        }

        return raw;
    }

    public static byte[] Zlib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>LZW-encodes <paramref name="data"/>, clearing the table before it fills; codes widen one early unless <paramref name="earlyChange"/> is false.</summary>
    public static byte[] Lzw(ReadOnlySpan<byte> data, bool earlyChange = true)
    {
        var codes = new CodeWriter(earlyChange);
        var table = new Dictionary<(int Prefix, byte Next), int>();
        var current = -1;
        foreach (var b in data)
        {
            if (current < 0)
            {
                current = b;
            }
            else if (table.TryGetValue((current, b), out var code))
            {
                current = code;
            }
            else
            {
                codes.Write(current);
                if (258 + table.Count >= 4094)
                {
                    codes.Write(Clear);
                    table.Clear();
                }
                else
                {
                    table[(current, b)] = 258 + table.Count;
                }

                current = b;
            }
        }

        if (current >= 0)
        {
            codes.Write(current);
        }

        codes.Write(EndOfData);
        return codes.ToArray();
    }

    /// <summary>Exactly these LZW codes, at the widths the decoder reads them (for damaged streams).</summary>
    public static byte[] LzwCodes(params int[] codes)
    {
        var writer = new CodeWriter();
        foreach (var code in codes)
        {
            writer.Write(code);
        }

        return writer.ToArray();
    }

    /// <summary>
    /// An LZW stream of zeros that decodes to at least <paramref name="bytes"/>: each code names the sequence one byte
    /// longer than the last, so a table's worth (about 5 KB of codes) decodes to about 7 MB, then the table is cleared.
    /// </summary>
    public static byte[] LzwBomb(long bytes)
    {
        var codes = new CodeWriter();
        long decoded = 0;
        while (decoded < bytes)
        {
            codes.Write(0);
            decoded++;
            for (var code = 258; code < 4094; code++)
            {
                codes.Write(code);
                decoded += code - 256;
            }

            codes.Write(Clear);
        }

        codes.Write(EndOfData);
        return codes.ToArray();
    }

    /// <summary>Writes codes most significant bit first at the width the decoder will read them with.</summary>
    private sealed class CodeWriter(bool earlyChange = true)
    {
        private readonly int early = earlyChange ? 1 : 0;
        private readonly MemoryStream output = new();
        private int size = 258;
        private int width = 9;
        private bool first = true;
        private int pending;
        private int pendingBits;

        public void Write(int code)
        {
            pending = (pending << width) | code;
            pendingBits += width;
            while (pendingBits >= 8)
            {
                output.WriteByte((byte)(pending >> (pendingBits - 8)));
                pendingBits -= 8;
            }

            pending &= (1 << pendingBits) - 1;
            if (code == Clear)
            {
                (size, width, first) = (258, 9, true);
                return;
            }

            // The decoder adds a table entry for every code but the first after a clear, then widens (one code early by default).
            if (!first && size < 4096)
            {
                size++;
            }

            first = false;
            width = size + early >= 2048 ? 12 : size + early >= 1024 ? 11 : size + early >= 512 ? 10 : 9;
        }

        public byte[] ToArray()
        {
            if (pendingBits > 0)
            {
                output.WriteByte((byte)(pending << (8 - pendingBits)));
            }

            return output.ToArray();
        }
    }
}

/// <summary>PdfPig's own filters, counting how often each kind is asked to decode.</summary>
internal sealed class CountingFilterProvider : IFilterProvider
{
    private readonly IFilterProvider inner = DefaultFilterProvider.Instance;

    public Dictionary<Type, int> Decodes { get; } = [];

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Wrap(inner.GetFilters(dictionary));

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Wrap(inner.GetNamedFilters(names));

    public IReadOnlyList<IFilter> GetAllFilters() => Wrap(inner.GetAllFilters());

    private List<IFilter> Wrap(IReadOnlyList<IFilter> filters) => [.. filters.Select(f => (IFilter)new Counted(f, this))];

    private sealed class Counted(IFilter inner, CountingFilterProvider owner) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            owner.Decodes[inner.GetType()] = owner.Decodes.GetValueOrDefault(inner.GetType()) + 1;
            return inner.Decode(input, streamDictionary, filterProvider, filterIndex);
        }
    }
}
