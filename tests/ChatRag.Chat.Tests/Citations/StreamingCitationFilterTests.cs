using ChatRag.Chat.Citations;

namespace ChatRag.Chat.Tests.Citations;

public sealed class StreamingCitationFilterTests
{
    [Theory]
    [InlineData(new[] { "Glaciers carve valleys [1]." }, "Glaciers carve valleys [1].")]
    [InlineData(new[] { "Glaciers carve valleys [", "1", "]." }, "Glaciers carve valleys [1].")]
    [InlineData(new[] { "Ice [1, ", "9", "] melts." }, "Ice [1] melts.")]
    [InlineData(new[] { "Ice [7", "] melts." }, "Ice  melts.")]
    [InlineData(new[] { "See [appendix] and [2024]." }, "See [appendix] and [2024].")]
    [InlineData(new[] { "Arrays a[", "i] and [", "]" }, "Arrays a[i] and []")]
    [InlineData(new[] { "It ends [", "2" }, "It ends ")]
    [InlineData(new[] { "It ends [" }, "It ends ")]
    public void Deltas_never_show_a_number_pointing_nowhere_or_an_open_bracket(string[] pieces, string expected)
    {
        var filter = new StreamingCitationFilter(sourceCount: 3);

        var deltas = pieces.Select(filter.Push).Append(filter.Flush()).ToList();

        Assert.Equal(expected, string.Concat(deltas));
        Assert.All(deltas, d => Assert.DoesNotMatch(@"\[\d*(,\s*\d*)*$", d));
    }

    [Fact]
    public void A_marker_split_across_chunks_is_held_back_until_it_closes()
    {
        var filter = new StreamingCitationFilter(sourceCount: 2);

        Assert.Equal("Rain falls ", filter.Push("Rain falls [2"));
        Assert.Equal("[2].", filter.Push("]."));
    }
}
