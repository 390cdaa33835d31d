using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Devices;

public sealed class ConcurrencyAndPreVerificationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-GYM-09, R-DEC-04: the person's lock serializes decide + append, so one entry wins and the rest see it.
    [Theory, MemberData(nameof(Providers))]
    public async Task Concurrent_scans_of_one_person_at_an_anti_passback_gate_let_exactly_one_in(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var device = site.Device("gym-entry");
        var scans = Enumerable.Range(0, 12).Select(async i =>
        {
            using var response = await site.PostScanAsync(device, DemoData.GymEntryGateSecret, new { requestId = $"race-{i}", credential = DemoData.CardActive });
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        });
        var answers = await Task.WhenAll(scans);

        Assert.Single(answers, a => a.GetProperty("outcome").GetString() == "Granted");
        Assert.All(answers.Where(a => a.GetProperty("outcome").GetString() != "Granted"), a =>
            Assert.True(ScanTests.Codes(a).Intersect(["AlreadyPresent", "DoubleScan"]).Any()));
        Assert.Equal(12, answers.Select(a => a.GetProperty("eventId").GetInt64()).Distinct().Count());
    }

    // R-GYM-22
    [Theory, MemberData(nameof(Providers))]
    public async Task A_pre_verification_gives_the_same_decision_without_side_effects(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var pre = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive, verb: "pre-verify");
        Assert.Equal("Granted", pre.GetProperty("outcome").GetString());
        Assert.True(pre.GetProperty("preVerification").GetBoolean());
        Assert.Empty(pre.GetProperty("actions").EnumerateArray());

        // Nothing was marked: the real scan still passes anti-passback, and a second pre-verification still says yes.
        Assert.Equal("Granted", (await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive, verb: "pre-verify")).GetProperty("outcome").GetString());
        var real = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive);
        Assert.Equal("Granted", real.GetProperty("outcome").GetString());
        Assert.False(real.GetProperty("preVerification").GetBoolean());

        // Not a visit: the visits list holds the real scan only.
        var visits = await site.Store.QueryEventsAsync(new Gatehouse.Storage.EventQuery(site.Demo.Organizations["gym"]));
        Assert.Single(visits.Items);
    }

    // R-GYM-22
    [Theory, MemberData(nameof(Providers))]
    public async Task Pre_verification_is_refused_where_the_logic_does_not_enable_it(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var pre = await site.ScanAsync("gym-exit", DemoData.GymExitGateSecret, DemoData.CardActive, verb: "pre-verify");
        Assert.Equal("Denied", pre.GetProperty("outcome").GetString());
        Assert.Contains("PreVerificationDisabled", ScanTests.Codes(pre));
    }
}
