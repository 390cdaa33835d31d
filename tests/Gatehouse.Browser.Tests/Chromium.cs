using Microsoft.Playwright;

namespace Gatehouse.Browser.Tests;

/// <summary>The system Chromium (never a downloaded build: `playwright install` is not used here).</summary>
public static class Chromium
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("GATEHOUSE_CHROMIUM") ?? "/usr/bin/chromium";

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    };
}
