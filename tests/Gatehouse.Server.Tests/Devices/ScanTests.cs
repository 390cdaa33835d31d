using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Devices;

/// <summary>The device scan endpoint end to end: real HTTP, real store, demo data.</summary>
public sealed class ScanTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-DEC-01, R-DEC-02
    [Theory, MemberData(nameof(Providers))]
    public async Task Active_member_is_granted_with_the_contract_as_visit_reason_and_every_field_named(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var answer = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive);

        Assert.Equal("Granted", answer.GetProperty("outcome").GetString());
        Assert.Empty(answer.GetProperty("reasons").EnumerateArray());
        Assert.Equal("Contract", answer.GetProperty("visitReason").GetProperty("kind").GetString());
        Assert.Equal("Unlimited", answer.GetProperty("visitReason").GetProperty("name").GetString());
        Assert.Equal(site.Person("anna"), answer.GetProperty("person").GetProperty("id").GetInt64());
        Assert.Equal(site.Device("gym-entry"), answer.GetProperty("deviceId").GetInt64());
        Assert.Equal(site.Demo.Sites["gym-downtown"].Value, answer.GetProperty("siteId").GetInt64());
        Assert.True(answer.GetProperty("zoneId").GetInt64() > 0);
        Assert.True(answer.GetProperty("credentialId").GetInt64() > 0);
        Assert.Equal("In", answer.GetProperty("direction").GetString());
        Assert.Equal(TestSite.Start, answer.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(1, answer.GetProperty("logic").GetProperty("version").GetInt32());
        Assert.Contains("AddPresence", answer.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("Anna", answer.GetProperty("displayText").GetString());
        Assert.True(answer.GetProperty("eventId").GetInt64() > 0);
    }

    // R-DEC-01: the answer goes out in one piece with its length (no chunked body closed by a second send).
    [Theory, MemberData(nameof(Providers))]
    public async Task A_scan_answer_carries_its_content_length(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var response = await site.PostScanAsync(site.Device("gym-entry"), DemoData.GymEntryGateSecret, new { requestId = "length-1", credential = DemoData.CardActive });
        // Read as sent: HttpContentHeaders.ContentLength would compute a length for a streamed body too.
        var sent = response.Content.Headers.NonValidated.TryGetValues("Content-Length", out var length) ? length.ToString() : null;
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), sent);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Granted", JsonDocument.Parse(body).RootElement.GetProperty("outcome").GetString());
    }

    // R-DEC-01, R-GYM-02
    [Theory, MemberData(nameof(Providers))]
    public async Task Member_with_old_debt_is_denied_with_a_reason_and_message(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var answer = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardDebt);

        Assert.Equal("Denied", answer.GetProperty("outcome").GetString());
        var reason = Assert.Single(answer.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "MembershipDebt");
        Assert.False(string.IsNullOrEmpty(reason.GetProperty("message").GetString()));
        Assert.False(reason.GetProperty("warning").GetBoolean());
    }

    // R-DEC-01, R-GYM-05, R-GYM-17
    [Theory, MemberData(nameof(Providers))]
    public async Task Expired_contract_lost_card_and_blocked_card_are_denied_with_their_codes(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        Assert.Contains("ContractExpired", Codes(await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardExpired)));
        Assert.Contains("CredentialLost", Codes(await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardLost)));
        Assert.Contains("CredentialBlocked", Codes(await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardBlocked)));
        Assert.Equal("Granted", (await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardReplacement)).GetProperty("outcome").GetString());
    }

    // R-DEC-03
    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_credential_unknown_device_and_a_card_of_another_organization_are_denials_not_errors(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        Assert.Equal(new[] { "UnknownCredential" }, Codes(await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, "no-such-card")));

        // A studio member's card at the gym: the gym's organization does not know it.
        var foreign = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardStudioPass);
        Assert.Equal("Denied", foreign.GetProperty("outcome").GetString());
        Assert.True(foreign.GetProperty("person").ValueKind == JsonValueKind.Null);

        using var response = await site.PostScanAsync(987_654, "anything", new { requestId = "r1", credential = DemoData.CardActive });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unknown = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Denied", unknown.GetProperty("outcome").GetString());
        Assert.Equal(new[] { "UnknownDevice" }, Codes(unknown));
        Assert.True(unknown.GetProperty("eventId").GetInt64() > 0);
    }

    // R-DEC-04
    [Theory, MemberData(nameof(Providers))]
    public async Task Every_answered_scan_is_already_stored_as_an_event(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var granted = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive);
        var denied = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardDebt);

        foreach (var answer in new[] { granted, denied })
        {
            var stored = await site.Store.GetEventAsync(site.Demo.Organizations["gym"], new(answer.GetProperty("eventId").GetInt64()));
            Assert.NotNull(stored);
            Assert.Equal(answer.GetProperty("outcome").GetString(), stored.Outcome.ToString());
        }
    }

    // R-DEC-05
    [Theory, MemberData(nameof(Providers))]
    public async Task The_same_request_id_is_decided_once_and_answered_the_same_way_twice(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var first = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive, requestId: "gate-42");
        site.Time.Advance(TimeSpan.FromSeconds(30));
        var again = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive, requestId: "gate-42");

        Assert.Equal("Granted", again.GetProperty("outcome").GetString());
        Assert.Equal(first.GetProperty("eventId").GetInt64(), again.GetProperty("eventId").GetInt64());
        Assert.Equal(first.GetProperty("at").GetDateTimeOffset(), again.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(first.GetProperty("displayText").GetString(), again.GetProperty("displayText").GetString());

        // A new request id is a new scan: anti-passback now refuses it (R-GYM-09).
        var second = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive, requestId: "gate-43");
        Assert.Equal("Denied", second.GetProperty("outcome").GetString());
        Assert.Contains("AlreadyPresent", Codes(second));
    }

    // R-DEC-06
    [Theory, MemberData(nameof(Providers))]
    public async Task The_decision_time_is_the_injected_clock_and_local_days_are_the_sites(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        site.Time.Advance(TimeSpan.FromHours(14)); // 23:00 UTC = 00:00 the next day in Amsterdam
        var answer = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive);
        Assert.Equal(TestSite.Start.AddHours(14), answer.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("Granted", answer.GetProperty("outcome").GetString());
    }

    // R-GYM-08, R-GYM-09, R-GYM-21
    [Theory, MemberData(nameof(Providers))]
    public async Task Entry_marks_presence_the_exit_gate_needs_it_and_ends_it(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var notInside = await site.ScanAsync("gym-exit", DemoData.GymExitGateSecret, DemoData.CardActive);
        Assert.Contains("NotPresent", Codes(notInside));

        Assert.Equal("Granted", (await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive)).GetProperty("outcome").GetString());
        site.Time.Advance(TimeSpan.FromMinutes(90));
        var exit = await site.ScanAsync("gym-exit", DemoData.GymExitGateSecret, DemoData.CardActive);
        Assert.Equal("Granted", exit.GetProperty("outcome").GetString());
        Assert.Contains("RemovePresence", exit.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        site.Time.Advance(TimeSpan.FromMinutes(1)); // past the double-scan lock the exit set (R-GYM-10)
        Assert.Equal("Granted", (await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive)).GetProperty("outcome").GetString());
    }

    internal static string[] Codes(JsonElement answer) =>
        answer.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString() ?? string.Empty).ToArray();
}
