using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Api;

/// <summary>R-OPS-03: every kind of bad input gets a 4xx problem details answer with a useful message and stores nothing.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    // R-OPS-03
    [Theory, MemberData(nameof(Providers))]
    public async Task Malformed_json_wrong_types_and_unknown_enum_values_are_400_problems(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var anna = site.Person("anna");

        var malformed = await ProblemAsync(await admin.PostAsync("/api/v1/people", Json("{\"firstName\": \"Zed\", ")), HttpStatusCode.BadRequest);
        Assert.Contains("JSON", malformed.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);

        await ProblemAsync(await admin.PostAsync("/api/v1/people", Json("{\"firstName\": 12, \"lastName\": \"X\"}")), HttpStatusCode.BadRequest);
        var unknownEnum = await ProblemAsync(await admin.PostAsync("/api/v1/people", Json("{\"firstName\": \"Zed\", \"lastName\": \"X\", \"kind\": \"Wizard\"}")), HttpStatusCode.BadRequest);
        Assert.Contains("kind", unknownEnum.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await ProblemAsync(await admin.PostAsync($"/api/v1/people/{anna}/credentials", Json("{\"kind\": 3, \"value\": \"x\"}")), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.GetAsync("/api/v1/events?outcome=Maybe"), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsync("/api/v1/people", Json("")), HttpStatusCode.BadRequest);

        using var device = await site.PostScanAsync(site.Device("gym-entry"), DemoData.GymEntryGateSecret, new { requestId = "r", credential = "1001", direction = "Sideways" });
        await ProblemAsync(device, HttpStatusCode.BadRequest);

        Assert.DoesNotContain((await site.Store.ListPeopleAsync(site.Demo.Organizations["gym"])), p => p.FirstName == "Zed");
        Assert.Empty((await site.Store.QueryEventsAsync(new Gatehouse.Storage.EventQuery(site.Demo.Organizations["gym"]) { IncludeUnlisted = true })).Items);
    }

    // R-OPS-03
    [Theory, MemberData(nameof(Providers))]
    public async Task Impossible_dates_are_400_problems_and_change_nothing(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var anna = site.Person("anna");
        var before = (await site.Store.ListContractsAsync(site.Demo.Organizations["gym"], new(anna))).Count;

        var backwards = await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/people/{anna}/contracts",
            new { name = "Backwards", validFrom = "2026-06-01T00:00:00Z", validUntil = "2026-05-01T00:00:00Z" }), HttpStatusCode.BadRequest);
        Assert.Contains("before", backwards.GetProperty("detail").GetString());

        await ProblemAsync(await admin.PostAsync($"/api/v1/people/{anna}/contracts",
            Json("{\"name\": \"Leap\", \"validFrom\": \"2026-02-30T00:00:00Z\", \"validUntil\": \"2026-03-30T00:00:00Z\"}")), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsJsonAsync($"/api/v1/people/{anna}/pauses",
            new { subscriptionId = 1, from = "2026-06-01T00:00:00Z", until = "2026-01-01T00:00:00Z" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.GetAsync("/api/v1/events?from=2026-03-10T00:00:00Z&until=2026-03-01T00:00:00Z"), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.GetAsync("/api/v1/events?from=2026-02-30"), HttpStatusCode.BadRequest);
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/sites", new { name = "Nowhere", timeZone = "Mars/Olympus_Mons" }), HttpStatusCode.BadRequest);

        Assert.Equal(before, (await site.Store.ListContractsAsync(site.Demo.Organizations["gym"], new(anna))).Count);
    }

    // R-OPS-03
    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_ids_are_404_problems(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        await ProblemAsync(await admin.GetAsync("/api/v1/people/999999"), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.GetAsync("/api/v1/devices/999999"), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.GetAsync("/api/v1/access-logics/999999"), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.PostAsJsonAsync("/api/v1/people/999999/contracts",
            new { name = "Ghost", validFrom = "2026-01-01T00:00:00Z", validUntil = "2027-01-01T00:00:00Z" }), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.PostAsync("/api/v1/credentials/999999/lost", null), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
        await ProblemAsync(await admin.GetAsync("/api/v1/people/not-a-number"), HttpStatusCode.NotFound);
    }

    // R-OPS-03
    [Theory, MemberData(nameof(Providers))]
    public async Task An_oversized_body_is_413_and_stores_nothing(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var huge = "{\"firstName\": \"" + new string('x', 70 * 1024) + "\", \"lastName\": \"Big\"}";
        var problem = await ProblemAsync(await admin.PostAsync("/api/v1/people", Json(huge)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("limit", problem.GetProperty("detail").GetString());

        using var scan = await site.PostScanAsync(site.Device("gym-entry"), DemoData.GymEntryGateSecret, new { requestId = "big", credential = new string('1', 70 * 1024) });
        await ProblemAsync(scan, HttpStatusCode.RequestEntityTooLarge);
        Assert.DoesNotContain(await site.Store.ListPeopleAsync(site.Demo.Organizations["gym"]), p => p.LastName == "Big");
    }

    // R-OPS-03
    [Theory, MemberData(nameof(Providers))]
    public async Task A_scan_without_a_credential_or_with_a_too_long_request_id_is_400(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var device = site.Device("gym-entry");
        await ProblemAsync(await site.PostScanAsync(device, DemoData.GymEntryGateSecret, new { requestId = "r" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await site.PostScanAsync(device, DemoData.GymEntryGateSecret, new { requestId = new string('r', 200), credential = "1001" }), HttpStatusCode.BadRequest);
        await ProblemAsync(await site.PostScanAsync(device, DemoData.GymEntryGateSecret, new { credential = "1001", position = new { latitude = 123.0, longitude = 0.0 } }), HttpStatusCode.BadRequest);
    }
}
