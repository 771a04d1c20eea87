using System.Reflection;
using Microsoft.Playwright;

namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Saves the README's screenshots into <c>docs/screenshots</c> when the run is started with <c>SCREENSHOTS=1</c>;
/// ordinary runs skip them, so tests never rewrite tracked files.
/// </summary>
public static class Screenshots
{
    /// <summary>True when this run refreshes the committed screenshots.</summary>
    public static bool Enabled => Environment.GetEnvironmentVariable("SCREENSHOTS") == "1";

    /// <summary>Captures the viewport as <c>docs/screenshots/{name}.png</c>.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        if (!Enabled)
        {
            return;
        }

        var root = typeof(Screenshots).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ChatRag.RepositoryRoot").Value!;
        // Let CSS transitions and the last render settle so the picture shows the finished state.
        await page.WaitForTimeoutAsync(300);
        await page.ScreenshotAsync(new() { Path = Path.Combine(root, "docs", "screenshots", $"{name}.png") });
    }
}
