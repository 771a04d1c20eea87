using System.Diagnostics;
using ChatRag.EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace ChatRag.EndToEnd.Tests;

/// <summary>
/// The web client's first load, as a new visitor's browser sees it on loopback: what crosses the wire and how long
/// until the message box takes input. The bytes and the compression are asserted (they are behaviour: a build that
/// stops compressing fails here); the time is only reported, because wall time on shared build machines is noise.
/// docs/benchmarks.md records the printed line.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class FirstLoadTests(EndToEndFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [BrowserFact]
    public async Task First_load_is_compressed_and_a_second_visit_comes_from_the_cache()
    {
        // One context for both visits, so the second one sees the first one's HTTP cache as a returning user would.
        await using var context = await Fixture.Browser.NewContextAsync(new()
        {
            BaseURL = Fixture.Server.Address.ToString(),
            ViewportSize = Desktop,
        });
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();

        var first = await LoadAsync(page);
        var second = await LoadAsync(page);
        Output.WriteLine(first.Describe("first load"));
        Output.WriteLine(second.Describe("second load"));

        // The framework is most of the client: its wasm and scripts must arrive compressed.
        var uncompressed = first.Assets
            .Where(a => a.Url.Contains("/_framework/", StringComparison.Ordinal) && a.DecodedBytes > 64 * 1024)
            .Where(a => a.Encoding is not ("gzip" or "br"))
            .Select(a => $"{a.Url} ({a.DecodedBytes} bytes, encoding '{a.Encoding}')")
            .ToList();
        Assert.True(uncompressed.Count == 0, "Served without compression: " + string.Join(", ", uncompressed));
        Assert.True(first.Assets.Any(a => a.Url.EndsWith(".wasm", StringComparison.Ordinal)), "The first load fetched no wasm: not a real first load.");
        Assert.True(
            first.TransferredBytes < first.DecodedBytes * 0.6,
            $"Compression saved too little: {first.TransferredBytes} bytes on the wire for {first.DecodedBytes} decoded.");

        // Fingerprinted assets are cached: a returning visitor downloads a small fraction of the first load.
        Assert.True(
            second.TransferredBytes < first.TransferredBytes / 4,
            $"The second visit transferred {second.TransferredBytes} bytes against {first.TransferredBytes} on the first.");
    }

    private static async Task<LoadMeasure> LoadAsync(IPage page)
    {
        var responses = new List<IResponse>();
        void OnResponse(object? sender, IResponse response) => responses.Add(response);
        page.Response += OnResponse;
        var clock = Stopwatch.StartNew();
        await page.GotoAsync("", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(new ChatScreen(page).Message).ToBeEditableAsync();
        var usable = clock.Elapsed;
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.Response -= OnResponse;

        var assets = new List<Asset>();
        foreach (var response in responses.ToList())
        {
            var sizes = await response.Request.SizesAsync();
            var headers = await response.AllHeadersAsync();
            headers.TryGetValue("content-encoding", out var encoding);
            var fromCache = response.FromServiceWorker || sizes.ResponseBodySize == 0 && sizes.ResponseHeadersSize == 0;
            var decoded = fromCache ? 0 : await DecodedLengthAsync(response);
            assets.Add(new Asset(response.Url, encoding ?? "", sizes.ResponseBodySize + sizes.ResponseHeadersSize, decoded));
        }

        return new LoadMeasure(assets, usable);
    }

    /// <summary>The body's length once decoded; 0 for bodies the browser no longer holds (redirects, aborted).</summary>
    private static async Task<long> DecodedLengthAsync(IResponse response)
    {
        try
        {
            return (await response.BodyAsync()).LongLength;
        }
        catch (PlaywrightException)
        {
            return 0;
        }
    }

    private sealed record Asset(string Url, string Encoding, long TransferredBytes, long DecodedBytes);

    private sealed record LoadMeasure(IReadOnlyList<Asset> Assets, TimeSpan UntilUsable)
    {
        public long TransferredBytes => Assets.Sum(a => a.TransferredBytes);

        public long DecodedBytes => Assets.Sum(a => a.DecodedBytes);

        public string Describe(string name) =>
            $"{name}: {Assets.Count} requests, {TransferredBytes / 1024.0 / 1024.0:F2} MiB transferred " +
            $"({DecodedBytes / 1024.0 / 1024.0:F2} MiB decoded), message box usable after {UntilUsable.TotalMilliseconds:F0} ms";
    }
}
