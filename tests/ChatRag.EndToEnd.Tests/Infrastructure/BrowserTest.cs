using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Base of the browser tests: a fresh browser context per test, and on failure the page's console, a screenshot
/// and the server's output in the test log, because a red end-to-end test is otherwise hard to read.
/// </summary>
public abstract class BrowserTest(ServerAndBrowserFixture fixture, ITestOutputHelper output)
{
    /// <summary>Desktop viewport used unless a test asks for another.</summary>
    protected static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <summary>The shared server and browser.</summary>
    protected ServerAndBrowserFixture Fixture { get; } = fixture;

    /// <summary>The xunit output of the running test.</summary>
    protected ITestOutputHelper Output { get; } = output;

    /// <summary>Runs <paramref name="body"/> on a new page at the server's root address.</summary>
    protected async Task WithPageAsync(Func<IPage, Task> body, ViewportSize? viewport = null, string path = "")
    {
        await using var context = await Fixture.Browser.NewContextAsync(new()
        {
            BaseURL = Fixture.Server.Address.ToString(),
            ViewportSize = viewport ?? Desktop,
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"[{message.Type}] {message.Text}");
        page.PageError += (_, error) => console.Add($"[pageerror] {error}");
        try
        {
            await page.GotoAsync(path);
            await body(page);
            Assert.DoesNotContain(console, line => line.StartsWith("[pageerror]", StringComparison.Ordinal));
        }
        catch
        {
            var shot = Path.Combine(AppContext.BaseDirectory, "failures", $"{GetType().Name}-{Guid.NewGuid():N}.png");
            try
            {
                await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
                Output.WriteLine($"Screenshot of the failing page: {shot}");
            }
            catch (PlaywrightException e)
            {
                Output.WriteLine($"No screenshot: {e.Message}");
            }

            Output.WriteLine("--- browser console ---");
            console.ForEach(Output.WriteLine);
            Output.WriteLine("--- server output ---");
            Output.WriteLine(Fixture.Server.Log);
            throw;
        }
    }
}
