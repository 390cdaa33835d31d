namespace Gatehouse.Browser.Tests;

/// <summary>
/// A test that drives Debian's Chromium. Without it a developer's run skips with the reason; in CI (CI=true) the
/// test runs and fails, so a missing browser never passes silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium.ExecutablePath) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = $"Chromium not found at {Chromium.ExecutablePath}: apt-get install chromium, or set GATEHOUSE_CHROMIUM.";
        }
    }
}
