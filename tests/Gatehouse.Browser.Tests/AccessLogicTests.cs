using Gatehouse.Server.Demo;
using Microsoft.Playwright;

namespace Gatehouse.Browser.Tests;

/// <summary>The access logic editor of the gym chain, driven by its administrator.</summary>
public sealed class AccessLogicTests(GatehouseServer server) : IClassFixture<GatehouseServer>
{
    // R-GYM-01, R-GYM-02: switching a check off in the editor changes the next scan's decision.
    [BrowserFact]
    public async Task Editing_a_logic_changes_the_next_scan_decision()
    {
        var gate = server.Demo.Devices["gym-entry"].Value;
        var before = await DeviceScans.ScanAsync(server.BaseUrl, gate, DemoData.GymEntryGateSecret, DemoData.CardDebt);
        Assert.Equal("denied", before.GetProperty("outcome").GetString(), ignoreCase: true);

        var page = await server.SignInAsync(DemoData.GymAdmin);
        await page.GotoAsync("/Logics");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Gym entry gate" }).ClickAsync();
        await page.GetByLabel("Check membership balance").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("version 2");

        var after = await DeviceScans.ScanAsync(server.BaseUrl, gate, DemoData.GymEntryGateSecret, DemoData.CardDebt);
        Assert.Equal("granted", after.GetProperty("outcome").GetString(), ignoreCase: true);
        Assert.Equal(2, after.GetProperty("logic").GetProperty("version").GetInt32());
        await page.Context.CloseAsync();
    }

    // R-GYM-01, R-GYM-16, R-GYM-04: impossible values are shown next to their field and nothing is saved.
    [BrowserFact]
    public async Task Impossible_values_are_reported_next_to_the_field_and_nothing_is_saved()
    {
        var page = await server.SignInAsync(DemoData.GymOwner);
        await page.GotoAsync("/Logics");
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit Gym exit gate" }).ClickAsync();
        await page.GetByLabel("Booking start offset (min)", new() { Exact = true }).FillAsync("5");
        await page.GetByLabel("POS balance limit", new() { Exact = true }).FillAsync("-20");
        await page.GetByLabel("Successful scan text", new() { Exact = true }).FillAsync("Changed but must not be saved");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("form-error")).ToContainTextAsync("Nothing was saved");
        await Assertions.Expect(page.Locator("[data-setting='Advanced.BookingStartOffsetMinutes'] .field-error")).ToContainTextAsync("minus sign");
        await Assertions.Expect(page.Locator("[data-setting='Advanced.PosBalanceLimit'] .field-error")).ToContainTextAsync("positive");
        await Assertions.Expect(page.GetByLabel("Booking start offset (min)", new() { Exact = true })).ToHaveValueAsync("5");

        var org = server.Demo.Organizations["gym"];
        var exit = (await server.Store.ListLogicsAsync(org)).Single(l => l.Name == "Gym exit gate");
        Assert.Equal(1, exit.Version);
        Assert.NotEqual("Changed but must not be saved", exit.Checks.SuccessText);
        await page.Context.CloseAsync();
    }

    // R-GYM-01: every setting of the three groups has a one-line explanation in the editor.
    [Fact]
    public void Every_setting_has_an_explanation() =>
        Assert.Empty(Gatehouse.Server.Pages.Logics.LogicFields.Undescribed());

    // R-GYM-01: deleting a logic in use is refused with a clear error.
    [BrowserFact]
    public async Task Deleting_a_logic_in_use_is_refused()
    {
        var page = await server.SignInAsync(DemoData.GymOwner);
        await page.GotoAsync("/Logics");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Gym single reader" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("delete-error")).ToContainTextAsync("used by at least one device");
        await Assertions.Expect(page.Locator("tr[data-logic='Gym single reader']")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }
}
