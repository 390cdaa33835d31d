using System.Net;
using System.Text.Json;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Visitors;

/// <summary>Check-in and check-out at the kiosk, desk and readers, and what the visitor's QR opens.</summary>
public sealed class VisitorCheckInTests
{
    private const string Inactive = "Gatehouse:Visitors:Sites:Harbor Tower:QrInactiveUntilCheckIn";
    private const string PreLevel = "Gatehouse:Visitors:Sites:Harbor Tower:PreCheckInLevel";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-VIS-04, R-VIS-06
    [Theory, MemberData(nameof(Providers))]
    public async Task Qr_stays_inactive_until_the_kiosk_check_in_then_opens_the_door(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider, (Inactive, "true"));
        var visitor = await host.PreRegisterAsync();
        var qr = visitor.GetProperty("qrCode").GetString()!;
        Assert.True(visitor.GetProperty("credentials")[0].GetProperty("inactiveUntilCheckIn").GetBoolean());
        host.Time.Advance(TimeSpan.FromMinutes(65)); // 10:05, inside the meeting window

        var before = await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, qr);
        Assert.Equal("Denied", OfficeHost.Outcome(before));
        Assert.Contains("CredentialInactiveUntilCheckIn", OfficeHost.Codes(before));

        var checkIn = await KioskAsync(host, "check-in", qr);
        Assert.Equal(HttpStatusCode.OK, checkIn.Status);
        Assert.Equal("Granted", OfficeHost.Outcome(checkIn.Body));
        Assert.Contains("VisitorCheckIn", checkIn.Body.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, qr)));
        Assert.NotEqual(JsonValueKind.Null, (await host.GetVisitorAsync(visitor.GetProperty("id").GetInt64())).GetProperty("checkedInAt").ValueKind);
    }

    // R-VIS-05, R-VIS-06
    [Theory, MemberData(nameof(Providers))]
    public async Task Pre_check_in_level_opens_the_lobby_and_desk_check_in_raises_it_for_the_meeting_window(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider, (PreLevel, "Visitor before check-in"));
        var lobbyGate = await OfficeDevices.AddLobbyReaderAsync(host, "Lobby gate", DeviceDirection.In, VisitorCheckpoint.None);
        var visitor = await host.PreRegisterAsync();
        var qr = visitor.GetProperty("qrCode").GetString()!;
        host.Time.Advance(TimeSpan.FromMinutes(65)); // 10:05, inside the meeting window

        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanDeviceAsync(lobbyGate, OfficeDevices.Secret, qr)));
        Assert.Contains("VisitorNotCheckedIn", OfficeHost.Codes(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, qr)));

        using var checkIn = await host.PostAsync($"/api/v1/visitors/{visitor.GetProperty("id").GetInt64()}/check-in");
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, qr)));

        host.Time.Advance(TimeSpan.FromMinutes(55)); // 11:00: the meeting window has closed
        Assert.Contains("OutsideMeetingWindow", OfficeHost.Codes(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, qr)));
    }

    // R-VIS-06, R-VIS-07
    [Theory, MemberData(nameof(Providers))]
    public async Task Scan_at_a_check_out_reader_checks_out_and_the_desk_card_is_removed(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var exit = await OfficeDevices.AddLobbyReaderAsync(host, "Lobby exit", DeviceDirection.Out, VisitorCheckpoint.CheckOut);
        var visitor = await host.PreRegisterAsync();
        var id = visitor.GetProperty("id").GetInt64();
        var qr = visitor.GetProperty("qrCode").GetString()!;
        host.Time.Advance(TimeSpan.FromMinutes(65)); // 10:05, inside the meeting window
        using (var checkIn = await host.PostAsync($"/api/v1/visitors/{id}/check-in"))
        {
            Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        }

        using (var card = await host.PostAsync($"/api/v1/visitors/{id}/cards", new { number = "CARD-77" }))
        {
            Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        }

        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, "CARD-77")));

        var leave = await host.ScanDeviceAsync(exit, OfficeDevices.Secret, qr);
        Assert.Equal("Granted", OfficeHost.Outcome(leave));
        Assert.Contains("VisitorCheckOut", leave.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        await host.RunJobsAsync(); // the follow-up of a reader check-out

        Assert.Contains("UnknownCredential", OfficeHost.Codes(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, "CARD-77")));
        var after = await host.GetVisitorAsync(id);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("checkedOutAt").ValueKind);
        var left = Assert.Single(after.GetProperty("credentials").EnumerateArray()); // the QR waits for the removal time
        Assert.False(left.GetProperty("physical").GetBoolean());
        Assert.Contains("VisitorNotCheckedIn", OfficeHost.Codes(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, qr)));
    }

    // R-VIS-06: a reader that reports its direction checks visitors in on the way in and out on the way out.
    [Theory, MemberData(nameof(Providers))]
    public async Task Reader_reporting_its_direction_checks_visitors_in_and_out(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var turnstile = await OfficeDevices.AddLobbyReaderAsync(host, "Lobby turnstile", DeviceDirection.Reported, VisitorCheckpoint.ByDirection);
        var visitor = await host.PreRegisterAsync();
        var id = visitor.GetProperty("id").GetInt64();
        var qr = visitor.GetProperty("qrCode").GetString()!;
        host.Time.Advance(TimeSpan.FromMinutes(65)); // 10:05, inside the meeting window

        var enter = await host.ScanDeviceAsync(turnstile, OfficeDevices.Secret, qr, direction: "In");
        Assert.Equal("Granted", OfficeHost.Outcome(enter));
        Assert.Contains("VisitorCheckIn", enter.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, qr)));

        host.Time.Advance(TimeSpan.FromMinutes(30));
        var leave = await host.ScanDeviceAsync(turnstile, OfficeDevices.Secret, qr, direction: "Out");
        Assert.Contains("VisitorCheckOut", leave.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var after = await host.GetVisitorAsync(id);
        Assert.Equal(OfficeHost.Start.AddMinutes(65), after.GetProperty("checkedInAt").GetDateTimeOffset());
        Assert.Equal(OfficeHost.Start.AddMinutes(95), after.GetProperty("checkedOutAt").GetDateTimeOffset());
    }

    // R-VIS-06, R-VIS-07
    [Theory, MemberData(nameof(Providers))]
    public async Task Kiosk_check_out_removes_physical_cards_at_once(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync();
        var id = visitor.GetProperty("id").GetInt64();
        var qr = visitor.GetProperty("qrCode").GetString()!;
        host.Time.Advance(TimeSpan.FromMinutes(65)); // 10:05, inside the meeting window
        Assert.Equal("Granted", OfficeHost.Outcome((await KioskAsync(host, "check-in", qr)).Body));
        using (var card = await host.PostAsync($"/api/v1/visitors/{id}/cards", new { number = "CARD-88" }))
        {
            Assert.Equal(HttpStatusCode.OK, card.StatusCode);
        }

        var checkOut = await KioskAsync(host, "check-out", qr);
        Assert.Equal(HttpStatusCode.OK, checkOut.Status);
        Assert.Equal(host.Time.GetUtcNow(), checkOut.Body.GetProperty("checkedOutAt").GetDateTimeOffset());
        Assert.Equal("Goodbye, Zoe!", checkOut.Body.GetProperty("displayText").GetString());
        Assert.DoesNotContain((await host.GetVisitorAsync(id)).GetProperty("credentials").EnumerateArray(), c => c.GetProperty("physical").GetBoolean());
        Assert.Contains("UnknownCredential", OfficeHost.Codes(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, "CARD-88")));
    }

    // R-VIS-11
    [Theory, MemberData(nameof(Providers))]
    public async Task Visitor_level_opens_elevator_floors_and_the_car_park_but_not_other_floors(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync();
        var qr = visitor.GetProperty("qrCode").GetString()!;
        host.Time.Advance(TimeSpan.FromMinutes(65)); // 10:05, inside the meeting window
        Assert.Equal("Granted", OfficeHost.Outcome((await KioskAsync(host, "check-in", qr)).Body));
        host.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync("office-elevator", DemoData.OfficeElevatorSecret, qr)));
        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync("office-parking", DemoData.OfficeParkingSecret, qr, direction: "In")));
        Assert.Contains("ZoneNotInAccessLevel", OfficeHost.Codes(await host.ScanAsync("office-globex-door", DemoData.OfficeGlobexDoorSecret, qr)));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> KioskAsync(OfficeHost host, string verb, string qr)
    {
        var kiosk = host.Demo.Devices["office-kiosk"].Value;
        using var client = host.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/kiosk/{kiosk}/{verb}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { credential = qr }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Device", $"{kiosk}:{DemoData.OfficeKioskSecret}");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
