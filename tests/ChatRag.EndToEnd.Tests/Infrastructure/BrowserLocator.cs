namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>Finds the system Chromium the tests drive; a downloaded Playwright browser is never used.</summary>
public static class BrowserLocator
{
    /// <summary>Environment variable that points the tests at another Chromium build.</summary>
    public const string OverrideVariable = "CHATRAG_CHROMIUM";

    /// <summary>Debian's Chromium, which <c>.ci/run</c> installs.</summary>
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Why the browser tests skip on this machine.</summary>
    public static string MissingReason =>
        $"Browser end-to-end test: no Chromium at {DefaultPath} (install Debian's 'chromium' package, as .ci/run does, or set {OverrideVariable}).";

    /// <summary>The Chromium executable, or <see langword="null"/> when none is installed.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(OverrideVariable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        return File.Exists(path) ? path : null;
    }
}
