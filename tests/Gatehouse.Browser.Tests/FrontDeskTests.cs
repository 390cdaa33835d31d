using Gatehouse.Server.Demo;
using Gatehouse.Storage;
using Microsoft.Playwright;

namespace Gatehouse.Browser.Tests;

/// <summary>The studio front desk with its receptionist; members scan at the desk's reader and arrive live.</summary>
public sealed class FrontDeskTests(GatehouseServer server) : IClassFixture<GatehouseServer>
{
    private long Desk => server.Demo.Devices["studio-desk"].Value;

    // R-STU-07, R-STU-09, R-GYM-21: a scan at the desk's reader opens the member with a green, amber or red status.
    [BrowserFact]
    public async Task A_scan_at_the_desk_reader_shows_valid_warning_and_not_valid_without_a_refresh()
    {
        var page = await OpenDeskAsync();

        await ScanAsync(DemoData.CardStudioPass);
        await ExpectStatusAsync(page, "Fay Pass", "Granted", "Valid");
        await Assertions.Expect(page.GetByTestId("pass")).ToContainTextAsync("10-class pass");

        await ScanAsync(DemoData.CardStudioBookingOnly);
        await ExpectStatusAsync(page, "Gus Bookingonly", "Warning", "Warning");
        await Assertions.Expect(page.GetByTestId("next-booking")).ToContainTextAsync("Vinyasa Flow");
        await page.GetByTestId("next-booking").Locator("summary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("next-booking")).ToContainTextAsync("Teacher: Maya");
        await Assertions.Expect(page.GetByTestId("next-booking")).ToContainTextAsync("Spot: 7");
        await Assertions.Expect(page.Locator(".remedy").First).ToContainTextAsync("To address:");

        await ScanAsync(DemoData.CardStudioPaused);
        await ExpectStatusAsync(page, "Ivo Paused", "Denied", "Not valid");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Allow entry" })).ToHaveCountAsync(0);

        // The page was never reloaded: the scan field keeps focus for the next member.
        await Assertions.Expect(page.GetByTestId("scan")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    // R-STU-07: allowing an entry with warnings is recorded with who made the choice.
    [BrowserFact]
    public async Task Allowing_an_entry_with_warnings_is_recorded_with_the_receptionist()
    {
        var page = await OpenDeskAsync();
        await ScanAsync(DemoData.CardStudioBookingOnly);
        await ExpectStatusAsync(page, "Gus Bookingonly", "Warning", "Warning");

        await page.GetByRole(AriaRole.Button, new() { Name = "Allow entry" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("staff-decision")).ToContainTextAsync("Entry allowed by");

        var receptionist = await server.Store.FindStaffUserByUsernameAsync(DemoData.StudioReceptionist);
        var entry = await LatestEntryAsync(server.Demo.People["gus"]);
        Assert.Equal(new StaffDecision(true, receptionist!.Id, entry.StaffDecision!.At), entry.StaffDecision);
        await page.Context.CloseAsync();
    }

    // R-STU-07: refusing an entry (found by search, keyboard only) is recorded with who made the choice.
    [BrowserFact]
    public async Task Refusing_an_entry_found_by_search_is_recorded_with_the_receptionist()
    {
        var page = await OpenDeskAsync();
        await page.GetByTestId("scan").FillAsync("Hana");
        await page.Keyboard.PressAsync("Enter");
        await ExpectStatusAsync(page, "Hana Newpicture", "Warning", "Warning");

        await page.GetByRole(AriaRole.Button, new() { Name = "Refuse entry" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("staff-decision")).ToContainTextAsync("Entry refused by");

        var receptionist = await server.Store.FindStaffUserByUsernameAsync(DemoData.StudioReceptionist);
        var entry = await LatestEntryAsync(server.Demo.People["hana"]);
        Assert.False(entry.StaffDecision!.Allowed);
        Assert.Equal(receptionist!.Id, entry.StaffDecision.By);
        await page.Context.CloseAsync();
    }

    // R-GYM-15, R-STU-07: a receptionist marks a member present by hand; the desk shows it at once.
    [BrowserFact]
    public async Task Marking_present_by_hand_is_shown_and_stored()
    {
        var page = await OpenDeskAsync();
        await page.GetByTestId("scan").FillAsync(DemoData.CardStudioPaused);
        await page.Keyboard.PressAsync("Enter");
        await ExpectStatusAsync(page, "Ivo Paused", "Denied", "Not valid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark present" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("presence")).ToContainTextAsync("marked by hand");
        var present = await server.Store.ListPresenceAsync(server.Demo.Organizations["studio"]);
        Assert.Contains(present, p => p.Person == server.Demo.People["ivo"] && p.MarkedByStaff);
        await page.Context.CloseAsync();
    }

    // R-STU-10: a receptionist sees the manual entries of their desk and the automatic entries of their establishment.
    [BrowserFact]
    public async Task Receptionist_sees_desk_and_automatic_visits_of_the_day()
    {
        await ScanAsync(DemoData.CardStudioPass);
        await DeviceScans.ScanAsync(server.BaseUrl, server.Demo.Devices["studio-door"].Value, DemoData.StudioDoorSecret, DemoData.CardStudioPass);
        await DeviceScans.ScanAsync(server.BaseUrl, server.Demo.Devices["gym-entry"].Value, DemoData.GymEntryGateSecret, DemoData.CardActive);

        var page = await server.SignInAsync(DemoData.StudioReceptionist, desk: "Front desk");
        await page.GotoAsync("/Visits");
        var table = page.Locator("table[data-testid=visits]");
        await Assertions.Expect(table.Locator("tr", new() { HasTextString = "Front desk" }).First).ToContainTextAsync("Manual");
        await Assertions.Expect(table.Locator("tr", new() { HasTextString = "Automatic door" }).First).ToContainTextAsync("Automatic");
        await Assertions.Expect(table).Not.ToContainTextAsync("Anna Active");
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenDeskAsync()
    {
        var page = await server.SignInAsync(DemoData.StudioReceptionist, desk: "Front desk");
        await page.GotoAsync("/Desk");
        await Assertions.Expect(page.Locator("body[data-live=ready]")).ToHaveCountAsync(1);
        return page;
    }

    private Task<System.Text.Json.JsonElement> ScanAsync(string card) => DeviceScans.ScanAsync(server.BaseUrl, Desk, DemoData.StudioDeskSecret, card);

    private static async Task ExpectStatusAsync(IPage page, string name, string outcome, string label)
    {
        await Assertions.Expect(page.GetByTestId("member-name")).ToHaveTextAsync(name);
        await Assertions.Expect(page.GetByTestId("member")).ToHaveAttributeAsync("data-outcome", outcome);
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync(label);
    }

    private async Task<AccessEvent> LatestEntryAsync(Gatehouse.Engine.Model.PersonId person)
    {
        var org = server.Demo.Organizations["studio"];
        var page = await server.Store.QueryEventsAsync(new EventQuery(org) { Person = person, Limit = 1 });
        return page.Items[0];
    }
}
