using System.Text;
using ChatRag.Ingestion.Errors;
using ChatRag.Ingestion.Readers;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace ChatRag.Ingestion.Tests.Readers;

/// <summary>
/// The PDF stream decoders under the per-stream budget: each Flate or LZW stream is decoded once, stops as soon as its
/// output passes the budget, and decodes to exactly what PdfPig's own filters give (the reference) when it fits.
/// </summary>
public sealed class PdfBoundedFiltersTests
{
    private const int Budget = 4 * 1024 * 1024;

    [Fact]
    public void A_flate_stream_is_inflated_once()
    {
        var text = Text(200_000);
        var dictionary = PdfStreams.Dictionary(NameToken.FlateDecode);
        var decoders = new CountingFilterProvider();
        var provider = new PdfBoundedFilters(Budget, decoders);

        var decoded = Decode(provider, dictionary, PdfStreams.Zlib(text));

        Assert.Equal(text, decoded);
        Assert.Equal(1, provider.Inflations + decoders.Decodes.GetValueOrDefault(typeof(FlateFilter)));
    }

    [Theory]
    [InlineData(2, 3, 40, 8)]
    [InlineData(2, 2, 30, 16)]
    [InlineData(2, 1, 64, 4)]
    [InlineData(12, 1, 64, 8)]
    [InlineData(15, 3, 33, 8)]
    [InlineData(11, 2, 20, 16)]
    public void Flate_with_a_predictor_decodes_as_pdfpig_does(int predictor, int colors, int columns, int bits)
    {
        // Row filter types 0 to 4 in turn over random bytes: every PNG filter is undone (a TIFF predictor ignores them).
        var raw = PdfStreams.PredictedRows(predictor, colors, columns, bits);

        var dictionary = PdfStreams.Dictionary(NameToken.FlateDecode, PdfStreams.Predictor(predictor, colors, columns, bits));
        var data = PdfStreams.Zlib(raw);

        Assert.Equal(Decode(DefaultFilterProvider.Instance, dictionary, data), Decode(new PdfBoundedFilters(Budget), dictionary, data));
    }

    [Fact]
    public void Lzw_decodes_as_pdfpig_does()
    {
        var text = Text(300_000);
        var dictionary = PdfStreams.Dictionary(NameToken.LzwDecode);
        var data = PdfStreams.Lzw(text);

        Assert.Equal(text, Decode(DefaultFilterProvider.Instance, dictionary, data));
        Assert.Equal(text, Decode(new PdfBoundedFilters(Budget), dictionary, data));
    }

    [Fact]
    public void An_lzw_bomb_stops_at_the_budget_without_allocating_its_output()
    {
        var bomb = PdfStreams.LzwBomb(64L * 1024 * 1024);
        var provider = new PdfBoundedFilters(Budget);
        var dictionary = PdfStreams.Dictionary(NameToken.LzwDecode);
        var filter = Assert.Single(provider.GetFilters(dictionary));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DocumentLimitExceededException>(() => filter.Decode(bomb, dictionary, provider, 0));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(bomb.Length < 64 * 1024, $"{bomb.Length} bytes");
        Assert.Contains("decompression bomb", error.Message, StringComparison.Ordinal);
        // Growing the output up to the budget costs about twice the budget; decoding the bomb would be 64 MiB.
        Assert.True(allocated < 4L * Budget, $"{allocated / (1024 * 1024.0):0.0} MiB allocated for a {Budget / (1024 * 1024)} MiB budget");
    }

    [Fact]
    public void A_flate_bomb_stops_at_the_budget_without_allocating_its_output()
    {
        var bomb = PdfStreams.Zlib(new byte[64 * 1024 * 1024]);
        var provider = new PdfBoundedFilters(Budget);
        var dictionary = PdfStreams.Dictionary(NameToken.FlateDecode);
        var filter = Assert.Single(provider.GetFilters(dictionary));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<DocumentLimitExceededException>(() => filter.Decode(bomb, dictionary, provider, 0));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("decompression bomb", error.Message, StringComparison.Ordinal);
        Assert.True(allocated < 4L * Budget, $"{allocated / (1024 * 1024.0):0.0} MiB allocated for a {Budget / (1024 * 1024)} MiB budget");
    }

    private static byte[] Decode(IFilterProvider provider, DictionaryToken dictionary, byte[] data)
    {
        var filter = Assert.Single(provider.GetFilters(dictionary));
        return filter.Decode(data, dictionary, provider, 0).ToArray();
    }

    /// <summary>Text with repeats, as content streams have, so LZW and Flate both have something to compress.</summary>
    private static byte[] Text(int length)
    {
        var words = new[] { "BT", "/F1", "12", "Tf", "(storm)", "Tj", "ET", "Jupiter", "q", "Q", "0.5", "re", "f" };
        var random = new Random(7);
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
        {
            text.Append(words[random.Next(words.Length)]).Append(random.Next(4) == 0 ? '\n' : ' ');
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, length));
    }
}
