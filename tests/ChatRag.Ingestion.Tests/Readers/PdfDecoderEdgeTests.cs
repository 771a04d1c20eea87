using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Readers;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ChatRag.Ingestion.Tests.Readers;

/// <summary>
/// The bounded PDF decoders on what a hostile or damaged file may hold: predictor parameters outside the specification
/// (no crash, no allocation from their claimed sizes, the bytes kept as decoded), LZW with a predictor and with
/// <c>/EarlyChange 0</c> (as PdfPig decodes them), and LZW codes that point nowhere (what came before stands).
/// </summary>
public sealed class PdfDecoderEdgeTests
{
    private const int Budget = 4 * 1024 * 1024;

    [Theory]
    [InlineData(12, 1, int.MaxValue, 8)]
    [InlineData(15, 32, int.MaxValue, 16)]
    [InlineData(2, 32, int.MaxValue / 512, 16)]
    [InlineData(2, 1_000_000, 10, 8)]
    [InlineData(12, 3, 40, 64)]
    [InlineData(12, 3, 40, int.MaxValue)]
    [InlineData(11, 0, 10, 8)]
    [InlineData(2, -3, 10, 8)]
    [InlineData(12, 1, 0, 8)]
    [InlineData(2, 1, -40, 8)]
    public void Hostile_predictor_parameters_neither_crash_nor_pass_the_budget(int predictor, int colors, int columns, int bits)
    {
        var raw = Random(predictor ^ colors, 64 * 1024);
        foreach (var (filter, data) in new[] { (NameToken.FlateDecode, PdfStreams.Zlib(raw)), (NameToken.LzwDecode, PdfStreams.Lzw(raw)) })
        {
            var dictionary = PdfStreams.Dictionary(filter, PdfStreams.Predictor(predictor, colors, columns, bits));
            var before = GC.GetAllocatedBytesForCurrentThread();
            var decoded = Decode(new PdfBoundedFilters(Budget), dictionary, data);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // At most one row, so at most its filter type byte goes; rows the parameters cannot describe are kept as they are.
            Assert.InRange(decoded.Length, raw.Length - 1, raw.Length);
            Assert.True(allocated < 4L * Budget, $"{allocated / (1024 * 1024.0):0.0} MiB allocated for {filter}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(0)]
    [InlineData(-12)]
    [InlineData(16)]
    [InlineData(99)]
    [InlineData(int.MaxValue)]
    public void An_unknown_predictor_decodes_as_pdfpig_does(int predictor)
    {
        var raw = Random(predictor, 11 * 500);
        foreach (var (filter, data) in new[] { (NameToken.FlateDecode, PdfStreams.Zlib(raw)), (NameToken.LzwDecode, PdfStreams.Lzw(raw)) })
        {
            var dictionary = PdfStreams.Dictionary(filter, PdfStreams.Predictor(predictor, 1, 10, 8));

            Assert.Equal(Decode(DefaultFilterProvider.Instance, dictionary, data), Decode(new PdfBoundedFilters(Budget), dictionary, data));
        }
    }

    [Theory]
    [InlineData(2, 3, 40, 8)]
    [InlineData(2, 1, 64, 4)]
    [InlineData(12, 1, 64, 8)]
    [InlineData(15, 3, 33, 8)]
    [InlineData(11, 2, 20, 16)]
    public void Lzw_with_a_predictor_decodes_as_pdfpig_does(int predictor, int colors, int columns, int bits)
    {
        var raw = PdfStreams.PredictedRows(predictor, colors, columns, bits);

        var dictionary = PdfStreams.Dictionary(NameToken.LzwDecode, PdfStreams.Predictor(predictor, colors, columns, bits));
        var data = PdfStreams.Lzw(raw);

        var expected = Decode(DefaultFilterProvider.Instance, dictionary, data);
        Assert.NotEqual(raw, expected);
        Assert.Equal(expected, Decode(new PdfBoundedFilters(Budget), dictionary, data));
    }

    [Fact]
    public void Lzw_with_early_change_0_widens_its_codes_one_later_as_pdfpig_does()
    {
        var text = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(i => $"{i % 977} storm ")));
        var late = PdfStreams.Lzw(text, earlyChange: false);
        var dictionary = PdfStreams.Dictionary(NameToken.LzwDecode, PdfStreams.EarlyChange(0));

        Assert.NotEqual(PdfStreams.Lzw(text), late);
        Assert.Equal(text, Decode(DefaultFilterProvider.Instance, dictionary, late));
        Assert.Equal(text, Decode(new PdfBoundedFilters(Budget), dictionary, late));
    }

    [Theory]
    [InlineData(511)]
    [InlineData(261)]
    public void A_damaged_lzw_code_ends_the_stream_and_what_came_before_it_stands(int damaged)
    {
        // A, B, "AB" (258), then a code past the next free one (260): nothing can say what it means.
        var data = PdfStreams.LzwCodes('A', 'B', 258, damaged, 'C', 257);

        Assert.Equal("ABAB"u8.ToArray(), Decode(new PdfBoundedFilters(Budget), PdfStreams.Dictionary(NameToken.LzwDecode), data));
    }

    [Fact]
    public void An_lzw_stream_that_starts_with_an_unknown_code_or_stops_mid_code_decodes_what_it_can()
    {
        var filters = new PdfBoundedFilters(Budget);
        var dictionary = PdfStreams.Dictionary(NameToken.LzwDecode);

        Assert.Empty(Decode(filters, dictionary, PdfStreams.LzwCodes(256, 258, 'A', 257)));
        var whole = PdfStreams.LzwCodes('A', 'B', 'C', 257);
        Assert.Equal("AB"u8.ToArray(), Decode(filters, dictionary, whole[..3]));
        Assert.Empty(Decode(filters, dictionary, []));
    }

    [Fact]
    public void A_damaged_lzw_bomb_still_stops_at_the_budget()
    {
        var bomb = PdfStreams.LzwBomb(64L * 1024 * 1024);
        bomb[^8] ^= 0xFF;

        Assert.Throws<DocumentLimitExceededException>(() => Decode(new PdfBoundedFilters(Budget), PdfStreams.Dictionary(NameToken.LzwDecode), bomb));
    }

    private static byte[] Decode(IFilterProvider provider, DictionaryToken dictionary, byte[] data)
    {
        var filter = Assert.Single(provider.GetFilters(dictionary));
        return filter.Decode(data, dictionary, provider, 0).ToArray();
    }

    private static byte[] Random(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
