using Microsoft.Playwright;

namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One real server and one headless Chromium shared by a collection of browser tests: starting them costs seconds,
/// and a fresh browser context per test keeps the tests independent.
/// </summary>
public abstract class ServerAndBrowserFixture : IAsyncLifetime
{
    // Flags that keep Chromium from reaching the network or touching a profile; no GPU in CI.
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? playwright;
    private IBrowser? browser;
    private ServerUnderTest? server;

    /// <summary>The running server.</summary>
    public ServerUnderTest Server => server ?? throw new InvalidOperationException(BrowserLocator.MissingReason);

    /// <summary>The shared browser.</summary>
    public IBrowser Browser => browser ?? throw new InvalidOperationException(BrowserLocator.MissingReason);

    /// <summary>A document, uploaded through the REST API and ready before any test runs, that chat tests ask about.</summary>
    public SeedDocument Seed { get; } = SeedDocument.Lighthouse;

    /// <summary>
    /// Starts the server and the browser; does nothing where Chromium is missing (the tests skip), except in CI,
    /// where it throws so every browser test fails with the reason.
    /// </summary>
    public async Task InitializeAsync()
    {
        var executable = BrowserLocator.Find();
        if (executable is null)
        {
            if (BrowserLocator.InCi)
            {
                throw new InvalidOperationException(BrowserLocator.MissingInCiReason);
            }

            return;
        }

        // The driver ships inside the NuGet package; this only guarantees it never fetches a browser.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // WebAssembly boots in seconds, not milliseconds, on a busy 2-core machine: wait as long as actions do.
        Assertions.SetDefaultExpectTimeout(30_000);
        server = await ServerUnderTest.StartAsync(await ServerSettingsAsync(), PrepareDataDirectoryAsync);
        ConfigureClient(server.Client);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
        });
        await new DocumentsApi(server.Client).UploadAndWaitAsync(Seed, TimeSpan.FromSeconds(90));
    }

    /// <summary>Closes the browser, then kills the server.</summary>
    public virtual async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Configuration (environment variables) the server starts with, on top of the harness defaults.</summary>
    protected abstract Task<IReadOnlyDictionary<string, string>> ServerSettingsAsync();

    /// <summary>Runs on the empty data directory before the server starts.</summary>
    protected virtual Task PrepareDataDirectoryAsync(string dataDirectory) => Task.CompletedTask;

    /// <summary>Adjusts the REST client the fixture arranges data with (e.g. adds an API key).</summary>
    protected virtual void ConfigureClient(HttpClient client)
    {
    }
}
