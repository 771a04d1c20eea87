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

    /// <summary>Why the browser tests fail, rather than skip, in CI.</summary>
    public static string MissingInCiReason =>
        $"CI=true but no Chromium at {DefaultPath}: in CI a missing browser fails the browser tests instead of skipping them "
        + $"(install Debian's 'chromium' package, as .ci/run does, or set {OverrideVariable}).";

    /// <summary>The Chromium executable, or <see langword="null"/> when none is installed.</summary>
    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable(OverrideVariable);
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        return File.Exists(path) ? path : null;
    }

    /// <summary>True where the environment says this is a CI run (<c>CI=true</c>, as GitHub Actions and most runners set).</summary>
    public static bool InCi => IsCi(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Whether a <c>CI</c> variable's value marks a CI run.</summary>
    public static bool IsCi(string? ci) => string.Equals(ci?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The skip reason for a browser test, or <see langword="null"/> when it must run. A developer machine without
    /// Chromium skips, visibly; in CI the test runs and fails with <see cref="MissingInCiReason"/>, so a green CI
    /// always means the browser tests ran.
    /// </summary>
    public static string? SkipReason(bool browserFound, bool inCi) =>
        browserFound || inCi ? null : MissingReason;
}
