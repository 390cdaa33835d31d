using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Admin;

/// <summary>R-OPS-01: sign-in, roles and organization isolation.</summary>
public sealed class StaffAccessTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task The_admin_api_needs_a_signed_in_user_and_a_wrong_password_is_401(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Client.GetAsync("/api/v1/people")).StatusCode);
        using var wrong = await site.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = DemoData.GymAdmin, password = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var bogus = new HttpRequestMessage(HttpMethod.Get, "/api/v1/people");
        bogus.Headers.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Client.SendAsync(bogus)).StatusCode);
    }

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task A_cookie_sign_in_works_for_browser_pages(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var browser = site.Factory.CreateClient(new() { HandleCookies = true });
        using var login = await browser.PostAsJsonAsync("/api/v1/auth/login", new { username = DemoData.StudioReceptionist, password = DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal("Receptionist", me.GetProperty("role").GetString());
        Assert.Equal(site.Device("studio-desk"), me.GetProperty("deskDeviceId").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/v1/people")).StatusCode);
    }

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task Another_organizations_data_is_404_and_cannot_be_changed(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var gym = await site.SignInAsync(DemoData.GymAdmin);
        var fay = site.Person("fay"); // a studio member
        Assert.Equal(HttpStatusCode.NotFound, (await gym.GetAsync($"/api/v1/people/{fay}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gym.PutAsJsonAsync($"/api/v1/people/{fay}", new { firstName = "Hacked", lastName = "X" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gym.DeleteAsync($"/api/v1/people/{fay}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gym.GetAsync($"/api/v1/devices/{site.Device("studio-door")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gym.PostAsync($"/api/v1/devices/{site.Device("studio-door")}/secret", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gym.PostAsJsonAsync($"/api/v1/people/{fay}/credentials", new { kind = "Card", value = "7777" })).StatusCode);

        var people = await gym.GetFromJsonAsync<JsonElement>("/api/v1/people");
        Assert.DoesNotContain(people.EnumerateArray(), p => p.GetProperty("id").GetInt64() == fay);
        var person = await site.Store.GetPersonAsync(site.Demo.Organizations["studio"], new(fay));
        Assert.Equal("Fay", person!.FirstName);
    }

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task A_receptionist_cannot_edit_access_logic_or_devices(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var desk = await site.SignInAsync(DemoData.GymReceptionist);
        var logics = await desk.GetFromJsonAsync<JsonElement>("/api/v1/access-logics");
        var logicId = logics[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PutAsJsonAsync($"/api/v1/access-logics/{logicId}", new { name = "Mine" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsJsonAsync("/api/v1/access-logics", new { preset = "gym-entry-gate" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.DeleteAsync($"/api/v1/access-logics/{logicId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync($"/api/v1/devices/{site.Device("gym-entry")}/secret", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync($"/api/v1/devices/{site.Device("gym-entry")}/disable", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await desk.GetAsync($"/api/v1/devices/{site.Device("gym-entry")}")).StatusCode);
    }
}
