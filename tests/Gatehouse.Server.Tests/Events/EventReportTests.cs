using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Events;

/// <summary>R-STU-10, R-STU-11, R-STU-07: visits of the day, the monitoring report, CSV, counts, staff decisions.</summary>
public sealed class EventReportTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task ScanGymDayAsync(TestSite site)
    {
        await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardActive);
        await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardDebt);
        site.Time.Advance(TimeSpan.FromHours(2));
        await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, DemoData.CardReplacement);
        await site.ScanAsync("gym-reader", DemoData.GymReaderSecret, DemoData.CardExpired);
    }

    // R-STU-11
    [Theory, MemberData(nameof(Providers))]
    public async Task The_report_filters_by_period_site_device_person_outcome_and_reason(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await ScanGymDayAsync(site);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/v1/events");
        Assert.Equal(4, all.GetProperty("items").GetArrayLength());
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/events?outcome=Denied")).GetProperty("items").GetArrayLength());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/v1/events?reason=MembershipDebt")).GetProperty("items").EnumerateArray());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/events?deviceId={site.Device("gym-reader")}")).GetProperty("items").EnumerateArray());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/events?personId={site.Person("anna")}")).GetProperty("items").EnumerateArray());
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/events?siteId={site.Demo.Sites["gym-downtown"].Value}")).GetProperty("items").GetArrayLength());
        var later = TestSite.Start.AddHours(1).ToString("O");
        Assert.Equal(2, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/events?from={Uri.EscapeDataString(later)}")).GetProperty("items").GetArrayLength());
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/v1/events?visitReason=Contract&outcome=Granted&limit=1")).GetProperty("items").EnumerateArray());

        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/events?limit=3");
        var next = page.GetProperty("next").GetString();
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>($"/api/v1/events?limit=3&after={next}")).GetProperty("items").EnumerateArray());
    }

    // R-STU-11
    [Theory, MemberData(nameof(Providers))]
    public async Task The_report_exports_as_csv_and_counts_per_day_and_per_hour(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await ScanGymDayAsync(site);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);

        using var csv = await admin.GetAsync("/api/v1/events/export.csv?outcome=Denied");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,at,outcome", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("MembershipDebt", StringComparison.Ordinal));

        var perDay = await admin.GetFromJsonAsync<JsonElement>("/api/v1/events/counts?per=day");
        var day = Assert.Single(perDay.EnumerateArray());
        Assert.Equal("2026-03-10", day.GetProperty("day").GetString());
        Assert.Equal(4, day.GetProperty("total").GetInt32());
        Assert.Equal(2, day.GetProperty("granted").GetInt32());

        var perHour = await admin.GetFromJsonAsync<JsonElement>("/api/v1/events/counts?per=hour");
        Assert.Equal(new[] { 10, 12 }, perHour.EnumerateArray().Select(h => h.GetProperty("hour").GetInt32()).Order().ToArray()); // Amsterdam local hours
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/events/counts?per=week")).StatusCode);
    }

    // R-STU-10
    [Theory, MemberData(nameof(Providers))]
    public async Task Visits_of_the_day_show_a_receptionist_their_desk_and_automatic_entries_and_start_empty_each_day(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await site.ScanAsync("studio-desk", DemoData.StudioDeskSecret, DemoData.CardStudioPass);
        using var owner = await site.SignInAsync(DemoData.StudioOwner);
        using var desk = await site.SignInAsync(DemoData.StudioReceptionist);
        var studio = site.Demo.Sites["studio"].Value;

        var seenByDesk = await desk.GetFromJsonAsync<JsonElement>("/api/v1/visits/today");
        var visit = Assert.Single(seenByDesk.EnumerateArray());
        Assert.Equal("10-class pass", visit.GetProperty("visitReason").GetProperty("display").GetString());
        Assert.Single((await owner.GetFromJsonAsync<JsonElement>($"/api/v1/visits/today?siteId={studio}")).EnumerateArray());

        site.Time.Advance(TimeSpan.FromDays(1));
        using var nextShift = await site.SignInAsync(DemoData.StudioReceptionist); // yesterday's token has expired
        Assert.Empty((await nextShift.GetFromJsonAsync<JsonElement>("/api/v1/visits/today")).EnumerateArray());
    }

    // R-STU-07: a manual entry with warnings changes nothing until a receptionist allows it; a refusal leaves the
    // member outside, an allow marks them present.
    [Theory, MemberData(nameof(Providers))]
    public async Task A_warning_at_the_desk_marks_presence_only_when_staff_allow_entry(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var hana = new PersonId(site.Person("hana"));
        using var desk = await site.SignInAsync(DemoData.StudioReceptionist);

        var refused = await site.ScanAsync("studio-desk", DemoData.StudioDeskSecret, DemoData.CardStudioNewPicture);
        Assert.Equal("Warning", refused.GetProperty("outcome").GetString());
        Assert.Null(site.Store.Index.FindPresence(hana));
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync($"/api/v1/events/{refused.GetProperty("eventId").GetInt64()}/staff-decision", new { allowed = false })).StatusCode);
        Assert.Null(site.Store.Index.FindPresence(hana));

        site.Time.Advance(TimeSpan.FromMinutes(1));
        var allowed = await site.ScanAsync("studio-desk", DemoData.StudioDeskSecret, DemoData.CardStudioNewPicture);
        Assert.Equal("Warning", allowed.GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsJsonAsync($"/api/v1/events/{allowed.GetProperty("eventId").GetInt64()}/staff-decision", new { allowed = true })).StatusCode);
        Assert.Equal(site.Demo.Sites["studio"], site.Store.Index.FindPresence(hana)?.Site);
    }

    // R-STU-07
    [Theory, MemberData(nameof(Providers))]
    public async Task A_receptionist_allows_a_warning_entry_and_the_choice_is_recorded_with_who_made_it(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var warning = await site.ScanAsync("studio-desk", DemoData.StudioDeskSecret, DemoData.CardStudioNewPicture);
        Assert.Equal("Warning", warning.GetProperty("outcome").GetString());
        Assert.True(warning.GetProperty("awaitsStaff").GetBoolean());
        var reason = Assert.Single(warning.GetProperty("reasons").EnumerateArray());
        Assert.True(reason.GetProperty("warning").GetBoolean());
        Assert.False(string.IsNullOrEmpty(reason.GetProperty("remedy").GetString()));

        using var desk = await site.SignInAsync(DemoData.StudioReceptionist);
        var me = await desk.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        var id = warning.GetProperty("eventId").GetInt64();
        using var decided = await desk.PostAsJsonAsync($"/api/v1/events/{id}/staff-decision", new { allowed = true });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var stored = await decided.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(stored.GetProperty("staffDecision").GetProperty("allowed").GetBoolean());
        Assert.Equal(me.GetProperty("id").GetInt64(), stored.GetProperty("staffDecision").GetProperty("byUserId").GetInt64());
        Assert.Equal(HttpStatusCode.Conflict, (await desk.PostAsJsonAsync($"/api/v1/events/{id}/staff-decision", new { allowed = false })).StatusCode);

        // Validating identity clears the picture warning for the next scan (R-STU-07).
        site.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await desk.PostAsync($"/api/v1/people/{site.Person("hana")}/validate-identity", null)).StatusCode);
        site.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("Granted", (await site.ScanAsync("studio-desk", DemoData.StudioDeskSecret, DemoData.CardStudioNewPicture)).GetProperty("outcome").GetString());
    }
}
