using Gatehouse.Server.Demo;
using Microsoft.Playwright;

namespace Gatehouse.Browser.Tests;

/// <summary>Its own server: validating Hana's identity changes her state for every later test.</summary>
public sealed class IdentityTests(GatehouseServer server) : IClassFixture<GatehouseServer>
{
    // R-STU-07: comparing the picture history and validating identity clears the recent-picture warning.
    [BrowserFact]
    public async Task Validating_identity_clears_the_picture_warning()
    {
        var page = await server.SignInAsync(DemoData.StudioReceptionist, desk: "Front desk");
        await page.GotoAsync("/Desk");
        await Assertions.Expect(page.Locator("body[data-live=ready]")).ToHaveCountAsync(1);
        await DeviceScans.ScanAsync(server.BaseUrl, server.Demo.Devices["studio-desk"].Value, DemoData.StudioDeskSecret, DemoData.CardStudioNewPicture);
        await Assertions.Expect(page.GetByTestId("member")).ToHaveAttributeAsync("data-outcome", "Warning");
        await Assertions.Expect(page.GetByTestId("picture-warning")).ToBeVisibleAsync();

        await page.GetByText("See previous pictures").ClickAsync();
        await Assertions.Expect(page.Locator(".pictures figure")).Not.ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Validate identity" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("member")).ToHaveAttributeAsync("data-outcome", "Granted");
        await Assertions.Expect(page.GetByTestId("status")).ToContainTextAsync("Valid");
        await Assertions.Expect(page.GetByTestId("picture-warning")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
