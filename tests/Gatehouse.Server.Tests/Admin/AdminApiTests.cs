using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Devices;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Admin;

/// <summary>R-OPS-06: what staff pages do, the API does; every write reaches the scan path at once.</summary>
public sealed class AdminApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-OPS-06, R-OPS-02, R-OPS-04
    [Theory, MemberData(nameof(Providers))]
    public async Task A_new_club_with_zone_device_member_pass_and_card_works_end_to_end(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymOwner);

        var club = await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/sites", new { name = "Ironworks North", timeZone = "Europe/Amsterdam", latitude = 52.4, longitude = 4.9, capacity = 200 }));
        var siteId = club.GetProperty("id").GetInt64();
        var zone = await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/zones", new { siteId, name = "Pool", type = "Pool", capacity = 30 }));
        var logic = await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/access-logics", new { preset = "gym-entry-gate", name = "North entry" }));
        var created = await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/devices", new
        {
            siteId, zoneId = zone.GetProperty("id").GetInt64(), name = "North pool gate", kind = "Turnstile", direction = "In", mode = "Automatic",
            logicId = logic.GetProperty("id").GetInt64(),
        }));
        var deviceId = created.GetProperty("device").GetProperty("id").GetInt64();
        var secret = created.GetProperty("secret").GetProperty("secret").GetString()!;

        var person = await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/people", new { firstName = "Nina", lastName = "North", gender = "Female", email = "nina@example.com" }));
        var personId = person.GetProperty("id").GetInt64();
        await ApiCalls.OkAsync(admin.PostAsJsonAsync($"/api/v1/people/{personId}/contracts", new
        {
            name = "Pool only", validFrom = "2026-01-01T00:00:00Z", validUntil = "2027-01-01T00:00:00Z",
            rules = new[] { new { zoneTypes = new[] { "Pool" }, days = new[] { "Tuesday" }, from = "06:00:00", until = "22:00:00" } },
        }));
        var card = await ApiCalls.OkAsync(admin.PostAsJsonAsync($"/api/v1/people/{personId}/credentials", new { kind = "Card", value = "N-1" }));

        using (var scan = await site.PostScanAsync(deviceId, secret, new { requestId = "n1", credential = "N-1" }))
        {
            var answer = await scan.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Granted", answer.GetProperty("outcome").GetString());
            Assert.Equal("Pool only", answer.GetProperty("visitReason").GetProperty("name").GetString());
        }

        var occupancy = await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/sites/{siteId}/occupancy"));
        Assert.Equal(1, occupancy.GetProperty("present").GetInt32());
        Assert.Equal(200, occupancy.GetProperty("capacity").GetInt32());
        Assert.Single((await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/presence?siteId={siteId}"))).EnumerateArray());

        // Lost card: refused at once (R-GYM-17); found again: accepted after she has left.
        await ApiCalls.OkAsync(admin.PostAsync($"/api/v1/credentials/{card.GetProperty("credential").GetProperty("id").GetInt64()}/lost", null));
        using (var lost = await site.PostScanAsync(deviceId, secret, new { requestId = "n2", credential = "N-1" }))
        {
            Assert.Contains("CredentialLost", ScanTests.Codes(await lost.Content.ReadFromJsonAsync<JsonElement>()));
        }

        await ApiCalls.OkAsync(admin.PostAsync($"/api/v1/credentials/{card.GetProperty("credential").GetProperty("id").GetInt64()}/found", null));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/people/{personId}/presence/{siteId}")).StatusCode);
        site.Time.Advance(TimeSpan.FromMinutes(5));
        using (var back = await site.PostScanAsync(deviceId, secret, new { requestId = "n3", credential = "N-1" }))
        {
            Assert.Equal("Granted", (await back.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        }

        Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/sites/{siteId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/devices/{deviceId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/zones/{zone.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/sites/{siteId}")).StatusCode);
    }

    // R-GYM-02, R-GYM-03, R-STU-04, R-STU-09
    [Theory, MemberData(nameof(Providers))]
    public async Task Invoices_balances_pauses_and_bookings_change_the_next_decision(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var ben = site.Person("ben");
        var invoices = await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/people/{ben}/invoices"));
        var invoice = invoices[0];
        await ApiCalls.OkAsync(admin.PutAsJsonAsync($"/api/v1/people/{ben}/invoices/{invoice.GetProperty("id").GetInt64()}", new
        {
            amount = invoice.GetProperty("amount").GetDecimal(), dueAt = invoice.GetProperty("dueAt").GetDateTimeOffset(), status = "Paid",
        }));
        Assert.Equal("Granted", (await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardDebt)).GetProperty("outcome").GetString());

        await ApiCalls.OkAsync(admin.PutAsJsonAsync($"/api/v1/people/{ben}/balances", new { pos = -20m, account = 5m }));
        var balances = await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/people/{ben}/balances"));
        Assert.Equal(-20m, balances.GetProperty("pos").GetDecimal());

        var anna = site.Person("anna");
        var booking = await ApiCalls.OkAsync(admin.PostAsJsonAsync($"/api/v1/people/{anna}/bookings", new
        {
            kind = "ClassSession", name = "Spinning", siteId = site.Demo.Sites["gym-downtown"].Value,
            start = TestSite.Start.AddHours(2), end = TestSite.Start.AddHours(3), teacher = "Rui",
        }));
        Assert.Single((await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/people/{anna}/bookings"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/people/{anna}/bookings/{booking.GetProperty("id").GetInt64()}")).StatusCode);

        var contracts = await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/people/{anna}/contracts"));
        var pause = await ApiCalls.OkAsync(admin.PostAsJsonAsync($"/api/v1/people/{anna}/pauses", new { subscriptionId = 77, from = TestSite.Start.AddDays(-1), until = TestSite.Start.AddDays(1) }));
        Assert.Single((await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/people/{anna}/pauses"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/pauses/{pause.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Single(contracts.EnumerateArray());
    }

    // R-GYM-19, R-STU-07
    [Theory, MemberData(nameof(Providers))]
    public async Task A_signed_static_qr_issued_for_a_member_opens_the_gate_and_pictures_keep_a_history(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var anna = site.Person("anna");
        var issued = await ApiCalls.OkAsync(admin.PostAsJsonAsync($"/api/v1/people/{anna}/static-qr", new { siteId = site.Demo.Sites["gym-downtown"].Value }));
        var qr = issued.GetProperty("qrText").GetString()!;
        Assert.StartsWith("GH1.", qr);
        Assert.False(string.IsNullOrEmpty(issued.GetProperty("qrPngBase64").GetString()));

        var answer = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, qr);
        Assert.Equal("Granted", answer.GetProperty("outcome").GetString());
        Assert.Equal(anna, answer.GetProperty("person").GetProperty("id").GetInt64());
        Assert.Equal("Denied", (await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, qr[..^2] + "xx")).GetProperty("outcome").GetString());

        await ApiCalls.OkAsync(admin.PostAsJsonAsync($"/api/v1/people/{anna}/picture", new { imageReference = "anna-2.jpg" }));
        var pictures = await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/people/{anna}/pictures"));
        Assert.Equal("anna-2.jpg", pictures[0].GetProperty("imageReference").GetString());
        var validated = await ApiCalls.OkAsync(admin.PostAsync($"/api/v1/people/{anna}/validate-identity", null));
        Assert.NotEqual(JsonValueKind.Null, validated.GetProperty("identityValidatedAt").ValueKind);
    }
}
