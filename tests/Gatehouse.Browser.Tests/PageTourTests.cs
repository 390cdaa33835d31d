using Gatehouse.Server.Demo;
using Microsoft.Playwright;

namespace Gatehouse.Browser.Tests;

/// <summary>
/// Every page at 1280×800 and on a tablet, timed, and with GATEHOUSE_SCREENSHOTS set (a folder, e.g.
/// docs/screenshots) saved as the README's screenshots.
/// </summary>
public sealed class PageTourTests(GatehouseServer server) : IClassFixture<GatehouseServer>
{
    private static readonly string[] AdminPages =
        ["/Visits", "/Occupancy", "/Reports/Access", "/Logics", "/Logics/Edit?preset=gym-entry-gate", "/Devices", "/People", "/Import"];

    // R-STU-10: visits of the day appear live, newest first, with their visit reason; the desk shows a member.
    [BrowserFact]
    public async Task Visits_of_the_day_update_live_with_their_visit_reason()
    {
        var page = await server.SignInAsync(DemoData.StudioOwner);
        await page.GotoAsync("/Visits");
        await Assertions.Expect(page.Locator("body[data-live=ready]")).ToHaveCountAsync(1);
        var door = server.Demo.Devices["studio-door"].Value;
        await DeviceScans.ScanAsync(server.BaseUrl, door, DemoData.StudioDoorSecret, DemoData.CardStudioPass);
        var first = page.Locator("table[data-testid=visits] tbody tr").First;
        await Assertions.Expect(first).ToContainTextAsync("Fay Pass");
        await Assertions.Expect(first.Locator("td").Nth(3)).Not.ToBeEmptyAsync();
        await page.Context.CloseAsync();
    }

    // R-OPS-04, R-STU-07, R-STU-10, R-STU-11, R-GYM-01, R-OPS-05: every page renders fast, at 1280×800 and on a tablet.
    [BrowserFact]
    public async Task Every_page_renders_quickly_on_desktop_and_tablet()
    {
        var folder = ScreenshotFolder();
        var desk = await server.SignInAsync(DemoData.StudioReceptionist, desk: "Front desk");
        await desk.GotoAsync("/Desk");
        await Assertions.Expect(desk.Locator("body[data-live=ready]")).ToHaveCountAsync(1);
        await DeviceScans.ScanAsync(server.BaseUrl, server.Demo.Devices["studio-desk"].Value, DemoData.StudioDeskSecret, DemoData.CardStudioNewPicture);
        await Assertions.Expect(desk.GetByTestId("member")).ToBeVisibleAsync();
        await SaveAsync(desk, folder, "front-desk");
        await desk.SetViewportSizeAsync(820, 1180);
        await SaveAsync(desk, folder, "front-desk-tablet");
        await desk.Context.CloseAsync();

        // Some traffic for the report and the occupancy page.
        foreach (var card in new[] { DemoData.CardActive, DemoData.CardDebt, DemoData.CardExpired, DemoData.CardReplacement })
        {
            await DeviceScans.ScanAsync(server.BaseUrl, server.Demo.Devices["gym-entry"].Value, DemoData.GymEntryGateSecret, card);
        }

        var admin = await server.SignInAsync(DemoData.GymOwner);
        foreach (var path in AdminPages)
        {
            await admin.GotoAsync(path);

            // The best of three loads: the first pays for compilation, and CI runs other suites beside this one.
            var serverMs = double.MaxValue;
            for (var i = 0; i < 3; i++)
            {
                var response = await admin.ReloadAsync();
                Assert.True(response!.Ok, $"{path}: {response.Status}");
                serverMs = Math.Min(serverMs, await admin.EvaluateAsync<double>("() => { const n = performance.getEntriesByType('navigation')[0]; return n.responseStart - n.requestStart; }"));
            }

            Assert.True(serverMs < 300, $"{path} took {serverMs:0} ms on the server");
            await SaveAsync(admin, folder, Name(path));
        }

        // A tablet in portrait: nothing scrolls sideways.
        await admin.SetViewportSizeAsync(768, 1024);
        foreach (var path in AdminPages)
        {
            await admin.GotoAsync(path);
            await SaveAsync(admin, null, Name(path) + " (tablet)");
        }

        await admin.Context.CloseAsync();

        // Visitors belong to the office building.
        var office = await server.SignInAsync(DemoData.OfficeAdmin);
        await office.GotoAsync("/Visitors");
        await office.GetByLabel("First name").FillAsync("Mira");
        await office.GetByLabel("Last name").FillAsync("Guest");
        await office.GetByLabel("Email (for the invitation)").FillAsync("mira@example.com");
        await office.GetByLabel("Host").FillAsync("Jack Acme");
        await office.GetByRole(AriaRole.Button, new() { Name = "Pre-register" }).ClickAsync();
        await Assertions.Expect(office.Locator("table[data-testid=visitors]")).ToContainTextAsync("Mira");

        // R-VIS-02, R-VIS-06: the invitation can be sent again, and the desk checks the visitor in.
        await office.GetByRole(AriaRole.Button, new() { Name = "Resend the invitation to Mira" }).ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Status)).ToContainTextAsync("sent again");
        await office.Locator("tr", new() { HasTextString = "Mira" }).GetByRole(AriaRole.Button, new() { Name = "Check in" }).ClickAsync();
        await Assertions.Expect(office.Locator("tr", new() { HasTextString = "Mira" })).ToContainTextAsync("checked in");
        await SaveAsync(office, folder, "visitors");
        await office.Context.CloseAsync();

        var signIn = await (await server.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } })).NewPageAsync();
        await signIn.GotoAsync("/SignIn");
        await SaveAsync(signIn, folder, "sign-in");
        await signIn.Context.CloseAsync();
    }

    /// <summary>GATEHOUSE_SCREENSHOTS, relative to the repository root (the test runs in its bin folder).</summary>
    private static string? ScreenshotFolder()
    {
        var folder = Environment.GetEnvironmentVariable("GATEHOUSE_SCREENSHOTS");
        if (string.IsNullOrEmpty(folder) || Path.IsPathRooted(folder))
        {
            return folder;
        }

        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gatehouse.slnx")))
        {
            root = root.Parent;
        }

        return Path.Combine(root?.FullName ?? Directory.GetCurrentDirectory(), folder);
    }

    private static string Name(string path) => path switch
    {
        "/Logics/Edit?preset=gym-entry-gate" => "access-logic-editor",
        "/Logics" => "access-logic-list",
        "/Reports/Access" => "access-report",
        _ => path.Trim('/').ToLowerInvariant(),
    };

    private static async Task SaveAsync(IPage page, string? folder, string name)
    {
        // The page must not scroll sideways at this width.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, $"{name} scrolls sideways at {page.ViewportSize?.Width}px");
        if (folder is { Length: > 0 })
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png") });
        }
    }
}
