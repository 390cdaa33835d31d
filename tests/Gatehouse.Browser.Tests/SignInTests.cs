using Gatehouse.Server.Demo;
using Microsoft.Playwright;

namespace Gatehouse.Browser.Tests;

public sealed class SignInTests(GatehouseServer server) : IClassFixture<GatehouseServer>
{
    // R-OPS-01
    [BrowserFact]
    public async Task Owner_signs_in_and_sees_the_administration_pages()
    {
        var page = await server.SignInAsync(DemoData.StudioOwner);
        Assert.Contains("/Visits", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Owner");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Access logic" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    // R-OPS-01
    [BrowserFact]
    public async Task Administrator_signs_in_and_sees_the_administration_pages()
    {
        var page = await server.SignInAsync(DemoData.GymAdmin);
        await Assertions.Expect(page.GetByTestId("who")).ToContainTextAsync("Administrator");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Devices" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    // R-OPS-01: a receptionist chooses a desk and sees no administration links.
    [BrowserFact]
    public async Task Receptionist_chooses_a_desk_at_sign_in_and_sees_only_desk_pages()
    {
        var page = await server.SignInAsync(DemoData.StudioReceptionist, desk: "Front desk");
        Assert.Contains("/Desk", page.Url, StringComparison.OrdinalIgnoreCase);
        await Assertions.Expect(page.GetByTestId("desk-name")).ToContainTextAsync("Front desk");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Access logic" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    // R-OPS-01, R-GYM-01: receptionists cannot open the access logic editor.
    [BrowserFact]
    public async Task Receptionist_cannot_open_the_access_logic_editor()
    {
        var page = await server.SignInAsync(DemoData.StudioReceptionist, desk: "Front desk");
        var response = await page.GotoAsync("/Logics/Edit?preset=studio-front-desk");
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not allowed" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("form[method=post] button", new() { HasTextString = "Save" })).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Desk");
        Assert.Contains("/SignIn", page.Url, StringComparison.OrdinalIgnoreCase);
        await page.GetByLabel("Username").FillAsync(DemoData.StudioOwner);
        await page.GetByLabel("Password").FillAsync("wrong");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
        await context.CloseAsync();
    }

    // R-OPS-01: after ten failed sign-ins the username waits, even with the right password. Its own user: the
    // fixture's server is shared by this class's tests.
    [BrowserFact]
    public async Task Too_many_wrong_passwords_make_the_username_wait_with_a_message()
    {
        var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        for (var i = 0; i < 10; i++)
        {
            await page.GotoAsync("/SignIn");
            await page.GetByLabel("Username").FillAsync(DemoData.GymOwner);
            await page.GetByLabel("Password").FillAsync("wrong-" + i);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("wrong");
        }

        await page.GotoAsync("/SignIn");
        await page.GetByLabel("Username").FillAsync(DemoData.GymOwner);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many failed sign-ins");
        Assert.Contains("/SignIn", page.Url, StringComparison.OrdinalIgnoreCase);
        await context.CloseAsync();
    }
}
