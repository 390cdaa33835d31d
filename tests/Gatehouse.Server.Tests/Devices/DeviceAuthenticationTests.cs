using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Devices;

public sealed class DeviceAuthenticationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-OPS-02
    [Theory, MemberData(nameof(Providers))]
    public async Task A_wrong_or_missing_device_secret_is_401_problem_and_stores_nothing(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var device = site.Device("gym-entry");
        using var wrong = await site.PostScanAsync(device, "not-the-secret", new { requestId = "a", credential = DemoData.CardActive });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);

        using var missing = await site.Client.PostAsJsonAsync($"/api/v1/devices/{device}/scan", new { requestId = "b", credential = DemoData.CardActive });
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);

        // Another device's valid secret does not open this one.
        using var borrowed = await site.PostScanAsync(device, DemoData.GymExitGateSecret, new { requestId = "c", credential = DemoData.CardActive });
        Assert.Equal(HttpStatusCode.Unauthorized, borrowed.StatusCode);

        var events = await site.Store.QueryEventsAsync(new Gatehouse.Storage.EventQuery(site.Demo.Organizations["gym"]) { IncludeUnlisted = true });
        Assert.Empty(events.Items);
    }

    // R-OPS-02
    [Theory, MemberData(nameof(Providers))]
    public async Task The_X_Device_Secret_header_works_like_the_authorization_header(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var device = site.Device("gym-entry");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device}/scan")
        {
            Content = JsonContent.Create(new { requestId = "x", credential = DemoData.CardActive }),
        };
        request.Headers.Add("X-Device-Secret", DemoData.GymEntryGateSecret);
        using var response = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // R-OPS-02
    [Theory, MemberData(nameof(Providers))]
    public async Task Rotating_a_secret_retires_the_old_one_and_revoking_shuts_the_device_out(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var device = site.Device("gym-entry");

        using var rotated = await admin.PostAsync($"/api/v1/devices/{device}/secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var secret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;

        using var old = await site.PostScanAsync(device, DemoData.GymEntryGateSecret, new { requestId = "1", credential = DemoData.CardActive });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var fresh = await site.PostScanAsync(device, secret, new { requestId = "2", credential = DemoData.CardActive });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        using var revoked = await admin.DeleteAsync($"/api/v1/devices/{device}/secret");
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var after = await site.PostScanAsync(device, secret, new { requestId = "3", credential = DemoData.CardActive });
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    // R-DEC-03
    [Theory, MemberData(nameof(Providers))]
    public async Task A_disabled_device_with_its_right_secret_answers_a_denial(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var device = site.Device("gym-entry");
        using var disabled = await admin.PostAsync($"/api/v1/devices/{device}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        var answer = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive);
        Assert.Equal("Denied", answer.GetProperty("outcome").GetString());
        Assert.Equal(new[] { "DeviceDisabled" }, ScanTests.Codes(answer));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_heartbeat_answers_the_server_time_and_the_logic_version(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var device = site.Device("gym-entry");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device}/heartbeat");
        request.Headers.Authorization = new("Device", $"{device}:{DemoData.GymEntryGateSecret}");
        using var response = await site.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(TestSite.Start, body.GetProperty("serverTime").GetDateTimeOffset());
        Assert.Equal(1, body.GetProperty("logic").GetProperty("version").GetInt32());
    }
}
