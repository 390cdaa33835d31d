using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Devices;

/// <summary>
/// R-DEC-03 with a bound: a scan naming no known device is a stored denial, not an error, but one client address
/// gets 60 of them a minute; past that they are refused with 429 and not stored, and known devices are not counted.
/// </summary>
public sealed class UnknownDeviceLimitTests
{
    private const long NoSuchDevice = 987_654;
    private const int PerMinute = 60;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-DEC-03
    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_device_scans_past_sixty_a_minute_from_one_address_are_refused_and_not_stored(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        for (var i = 0; i < PerMinute; i++)
        {
            var answer = await UnknownDeviceScanAsync(site, "r" + i);
            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(new[] { "UnknownDevice" }, ScanTests.Codes(answer.Body));
            Assert.True(answer.Body.GetProperty("eventId").GetInt64() > 0);
        }

        using var refused = await site.PostScanAsync(NoSuchDevice, "anything", new { requestId = "over", credential = DemoData.CardActive });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter?.Delta);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://gatehouse.dev/problems/toomanyrequests", problem.GetProperty("type").GetString());
        Assert.False(problem.TryGetProperty("eventId", out _));

        // The refused request id was not stored: once the minute is over it is decided as new, not replayed.
        site.Time.Advance(TimeSpan.FromMinutes(1));
        var later = await UnknownDeviceScanAsync(site, "over");
        Assert.Equal(HttpStatusCode.OK, later.Status);
        Assert.Equal(new[] { "UnknownDevice" }, ScanTests.Codes(later.Body));
        var replay = await UnknownDeviceScanAsync(site, "r0");
        Assert.True(later.Body.GetProperty("eventId").GetInt64() > replay.Body.GetProperty("eventId").GetInt64());
    }

    // R-DEC-03
    [Theory, MemberData(nameof(Providers))]
    public async Task Known_devices_are_answered_while_unknown_ones_are_refused(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await UnknownDeviceScanAsync(site, "r" + i)).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await UnknownDeviceScanAsync(site, "over")).Status);
        var gate = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive);
        Assert.Equal("Granted", gate.GetProperty("outcome").GetString());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> UnknownDeviceScanAsync(TestSite site, string requestId)
    {
        using var response = await site.PostScanAsync(NoSuchDevice, "anything", new { requestId, credential = DemoData.CardActive });
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
