using Gatehouse.Server.Demo;
using Microsoft.Playwright;

namespace Gatehouse.Browser.Tests;

public sealed class ReportTests(GatehouseServer server) : IClassFixture<GatehouseServer>
{
    // R-STU-11: the CSV download holds exactly the entries of the filtered table.
    [BrowserFact]
    public async Task The_csv_download_matches_the_filtered_table()
    {
        var gate = server.Demo.Devices["gym-entry"].Value;
        foreach (var card in new[] { DemoData.CardActive, DemoData.CardDebt, DemoData.CardExpired, DemoData.CardLost, DemoData.CardBlocked, DemoData.CardDebt })
        {
            await DeviceScans.ScanAsync(server.BaseUrl, gate, DemoData.GymEntryGateSecret, card);
        }

        var page = await server.SignInAsync(DemoData.GymAdmin);
        await page.GotoAsync("/Reports/Access");
        await page.GetByLabel("Outcome").SelectOptionAsync("Denied");
        await page.GetByLabel("Device").SelectOptionAsync(new SelectOptionValue { Label = "Downtown entry gate" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        var rows = page.Locator("table[data-testid=report] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("table[data-testid=report] tbody .badge.Granted")).ToHaveCountAsync(0);
        var tableIds = new List<string>();
        foreach (var row in await rows.AllAsync())
        {
            tableIds.Add((await row.GetAttributeAsync("data-event"))!);
        }

        await Assertions.Expect(page.Locator("svg[aria-label='Visits per day'] rect")).Not.ToHaveCountAsync(0);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv").ClickAsync());
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("id,at,outcome", lines[0], StringComparison.Ordinal);
        var csvIds = lines.Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(tableIds, csvIds);
        Assert.All(lines.Skip(1), l => Assert.Contains(",Denied,", l, StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    // R-OPS-04: occupancy per site and zone updates live as people scan in.
    [BrowserFact]
    public async Task Occupancy_updates_live_when_someone_enters()
    {
        var page = await server.SignInAsync(DemoData.GymOwner);
        await page.GotoAsync("/Occupancy");
        await Assertions.Expect(page.Locator("body[data-live=ready]")).ToHaveCountAsync(1);
        var downtown = page.Locator("table[data-testid=occupancy] tr", new() { HasTextString = "Ironworks Downtown" }).GetByTestId("present");
        var before = int.Parse(await downtown.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

        await DeviceScans.ScanAsync(server.BaseUrl, server.Demo.Devices["gym-entry"].Value, DemoData.GymEntryGateSecret, DemoData.CardReplacement);
        await Assertions.Expect(downtown).ToHaveTextAsync((before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Context.CloseAsync();
    }
}
