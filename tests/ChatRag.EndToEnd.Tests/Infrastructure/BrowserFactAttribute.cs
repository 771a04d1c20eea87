namespace ChatRag.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A fact that needs Debian's Chromium. xunit 2 has no dynamic skip, so the attribute decides at discovery time:
/// without the browser the test is reported as skipped, with the reason, instead of failing, except in CI
/// (<c>CI=true</c>), where the test runs and its fixture fails with <see cref="BrowserLocator.MissingInCiReason"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when no Chromium executable is installed outside CI.</summary>
    public BrowserFactAttribute()
    {
        if (BrowserLocator.SkipReason(BrowserLocator.Find() is not null, BrowserLocator.InCi) is { } reason)
        {
            Skip = reason;
        }
    }
}
