using ChatRag.EndToEnd.Tests.Infrastructure;

namespace ChatRag.EndToEnd.Tests;

/// <summary>When a missing Chromium skips the browser tests and when it fails them (CI must never go green without them).</summary>
public sealed class BrowserLocatorTests
{
    [Fact]
    public void A_developer_machine_without_chromium_skips_with_the_reason() =>
        Assert.Equal(BrowserLocator.MissingReason, BrowserLocator.SkipReason(browserFound: false, inCi: false));

    [Fact]
    public void CI_without_chromium_runs_the_tests_so_they_fail() =>
        Assert.Null(BrowserLocator.SkipReason(browserFound: false, inCi: true));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_installed_chromium_always_runs_the_tests(bool inCi) =>
        Assert.Null(BrowserLocator.SkipReason(browserFound: true, inCi));

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void CI_is_recognised_from_its_variable(string? value, bool expected) =>
        Assert.Equal(expected, BrowserLocator.IsCi(value));

    [Fact]
    public void The_CI_failure_names_the_missing_browser_and_the_fix()
    {
        Assert.Contains(BrowserLocator.DefaultPath, BrowserLocator.MissingInCiReason, StringComparison.Ordinal);
        Assert.Contains(BrowserLocator.OverrideVariable, BrowserLocator.MissingInCiReason, StringComparison.Ordinal);
    }
}
