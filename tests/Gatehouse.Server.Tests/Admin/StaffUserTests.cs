using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Admin;

public sealed class StaffUserTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task An_owner_adds_a_receptionist_bound_to_a_desk_who_can_sign_in_and_is_then_removed(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var owner = await site.SignInAsync(DemoData.GymOwner);
        using var created = await owner.PostAsJsonAsync("/api/v1/staff", new { username = "night@ironworks.demo", password = "long-enough-pw", role = "Receptionist", deskDeviceId = site.Device("gym-entry") });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(site.Demo.Sites["gym-downtown"].Value, user.GetProperty("siteId").GetInt64());

        using var night = await site.SignInAsync("night@ironworks.demo", "long-enough-pw");
        Assert.Equal("Receptionist", (await night.GetFromJsonAsync<JsonElement>("/api/v1/auth/me")).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await night.GetAsync("/api/v1/staff")).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await owner.PostAsJsonAsync("/api/v1/staff", new { username = "night@ironworks.demo", password = "long-enough-pw", role = "Administrator" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync("/api/v1/staff", new { username = "short@ironworks.demo", password = "short", role = "Administrator" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostAsJsonAsync("/api/v1/staff", new { username = "x@ironworks.demo", password = "long-enough-pw", role = "Receptionist", deskDeviceId = site.Device("studio-desk") })).StatusCode);

        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/v1/staff", new { username = "boss@ironworks.demo", password = "long-enough-pw", role = "Owner" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/staff/{user.GetProperty("id").GetInt64()}")).StatusCode);
        using var gone = await site.Client.PostAsJsonAsync("/api/v1/auth/token", new { username = "night@ironworks.demo", password = "long-enough-pw" });
        Assert.Equal(HttpStatusCode.Unauthorized, gone.StatusCode);
    }
}
