using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Devices;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.External;

/// <summary>R-GYM-20 through a real loopback HTTP source: its answer is used within the logic's time budget.</summary>
public sealed class ExternalAccessTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // The answer tests give a generous budget: a cold first request on a busy CI machine can take longer than
    // 300 ms, and what they prove is the answer's meaning. The slow-source test keeps the real 300 ms budget.
    private static async Task AllowExternalAsync(TestSite site, Uri url, int budgetMilliseconds = 5000)
    {
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var device = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/devices/{site.Device("gym-entry")}");
        var logicId = device.GetProperty("logicId").GetInt64();
        var logic = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/access-logics/{logicId}");
        var advanced = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(logic.GetProperty("advanced").GetRawText())!;
        var changed = advanced.ToDictionary(p => p.Key, p => (object?)p.Value);
        changed["externalAccessAllowed"] = true;
        changed["externalAccessUrl"] = url.ToString();
        changed["externalAccessBudgetMilliseconds"] = budgetMilliseconds;
        using var response = await admin.PutAsJsonAsync($"/api/v1/access-logics/{logicId}", new { advanced = changed });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // R-GYM-20
    [Theory, MemberData(nameof(Providers))]
    public async Task An_external_yes_grants_a_member_no_internal_rule_admits(string provider)
    {
        await using var source = await ExternalSource.StartAsync();
        await using var site = await TestSite.StartAsync(provider);
        await AllowExternalAsync(site, source.Path("/yes"));

        var answer = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardExpired);
        Assert.Equal("Granted", answer.GetProperty("outcome").GetString());
        Assert.Equal("External", answer.GetProperty("visitReason").GetProperty("kind").GetString());
        Assert.Equal(1, source.Calls);

        // Internal rules that grant never ask outside.
        Assert.Equal("Granted", (await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive)).GetProperty("outcome").GetString());
        Assert.Equal(1, source.Calls);
    }

    // R-GYM-20
    [Theory, MemberData(nameof(Providers))]
    public async Task An_external_no_denies_with_ExternalAccessDenied(string provider)
    {
        await using var source = await ExternalSource.StartAsync();
        await using var site = await TestSite.StartAsync(provider);
        await AllowExternalAsync(site, source.Path("/no"));

        var answer = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardExpired);
        Assert.Equal("Denied", answer.GetProperty("outcome").GetString());
        Assert.True(ScanTests.Codes(answer).Contains("ExternalAccessDenied"), answer.GetRawText());
    }

    // R-GYM-20
    [Theory, MemberData(nameof(Providers))]
    public async Task A_slow_external_source_is_given_up_on_within_the_budget_and_denies(string provider)
    {
        await using var source = await ExternalSource.StartAsync();
        await using var site = await TestSite.StartAsync(provider);
        await AllowExternalAsync(site, source.Path("/slow"), budgetMilliseconds: 300);

        var clock = Stopwatch.StartNew();
        var answer = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardExpired);
        clock.Stop();

        Assert.Equal("Denied", answer.GetProperty("outcome").GetString());
        Assert.Contains("ExternalAccessUnavailable", ScanTests.Codes(answer));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"The scan took {clock.Elapsed.TotalMilliseconds} ms; the source answers after 3 s.");
    }

    // R-GYM-20
    [Theory, MemberData(nameof(Providers))]
    public async Task A_failing_or_unreachable_external_source_denies_with_ExternalAccessUnavailable(string provider)
    {
        await using var source = await ExternalSource.StartAsync();
        await using var site = await TestSite.StartAsync(provider);
        await AllowExternalAsync(site, source.Path("/fail"));
        Assert.Contains("ExternalAccessUnavailable", ScanTests.Codes(await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardExpired)));

        await AllowExternalAsync(site, new Uri("http://127.0.0.1:9/nothing-listens-here"));
        Assert.Contains("ExternalAccessUnavailable", ScanTests.Codes(await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardExpired)));
    }
}
