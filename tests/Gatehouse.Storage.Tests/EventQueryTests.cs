using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Tests;

public sealed class EventQueryTests
{
    // R-STU-11
    [Theory, OnSqlite, OnPostgres]
    public async Task Events_filter_by_period_site_zone_device_person_outcome_and_reason_newest_first(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var org = world.Org;
        var t0 = sandbox.Time.GetUtcNow();
        var pool = (await store.AddZoneAsync(org, new Zone(default, world.Site.Id, "Pool", ZoneType.Pool))).Value!;
        var poolGate = (await store.AddDeviceAsync(world.Gate with { Zone = pool.Id, Name = "Pool gate" })).Value!;
        var other = (await store.AddPersonAsync(new Person(default, org, PersonKind.Member, "Bob", "Other"))).Value!;

        await store.AppendAsync(new EventAppend(world.Entry(t0, "1", DecisionActions.LogEvent)));
        await store.AppendAsync(new EventAppend(world.Entry(t0.AddMinutes(1), "2", DecisionActions.LogEvent, other.Id, Outcome.Denied) with { Reasons = [ReasonCode.MembershipDebt, ReasonCode.DoubleScan] }));
        await store.AppendAsync(new EventAppend(world.Entry(t0.AddMinutes(2), "3", DecisionActions.LogEvent) with { Device = poolGate.Id, Zone = pool.Id }));
        await store.AppendAsync(new EventAppend(world.Entry(t0.AddMinutes(3), "4", DecisionActions.LogEvent, outcome: Outcome.Warning) with { Reasons = [ReasonCode.RecentPictureChange], VisitReason = VisitReason.None }));
        // A denial whose logic does not list unsuccessful scans (R-GYM-21), and a pre-verification (R-GYM-22).
        await store.AppendAsync(new EventAppend(world.Entry(t0.AddMinutes(4), "5", DecisionActions.None, outcome: Outcome.Denied) with { Listed = false, Reasons = [ReasonCode.DoubleScan] }));
        await store.AppendAsync(new EventAppend(world.Entry(t0.AddMinutes(5), "6", DecisionActions.LogEvent) with { PreVerification = true }));

        async Task<string[]> Requests(EventQuery query) => [.. (await store.QueryEventsAsync(query)).Items.Select(e => e.RequestId!)];
        var all = new EventQuery(org);

        Assert.Equal(["4", "3", "2", "1"], await Requests(all));
        Assert.Equal(["5", "4", "3", "2", "1"], await Requests(all with { IncludeUnlisted = true }));
        Assert.Equal(["6", "4", "3", "2", "1"], await Requests(all with { IncludePreVerifications = true }));
        Assert.Equal(["3", "2"], await Requests(all with { From = t0.AddMinutes(1), Until = t0.AddMinutes(3) }));
        Assert.Equal(["3"], await Requests(all with { Zone = pool.Id }));
        Assert.Equal(["3"], await Requests(all with { Device = poolGate.Id }));
        Assert.Equal(["4", "3", "2", "1"], await Requests(all with { Site = world.Site.Id }));
        Assert.Equal(["2"], await Requests(all with { Person = other.Id }));
        Assert.Equal(["2"], await Requests(all with { Outcome = Outcome.Denied }));
        Assert.Equal(["4"], await Requests(all with { Outcome = Outcome.Warning }));
        Assert.Equal(["2"], await Requests(all with { Reason = ReasonCode.DoubleScan }));
        Assert.Equal(["5", "2"], await Requests(all with { Reason = ReasonCode.DoubleScan, IncludeUnlisted = true }));
        Assert.Equal(["4"], await Requests(all with { VisitReason = VisitReasonKind.None }));
        Assert.Empty(await Requests(all with { Site = new SiteId(999) }));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Pages_continue_where_the_previous_one_ended_and_export_streams_everything(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var t0 = sandbox.Time.GetUtcNow();

        // Two events share each instant, so paging must break ties by id.
        for (var i = 0; i < 25; i++)
        {
            await store.AppendAsync(new EventAppend(world.Entry(t0.AddSeconds(i / 2), $"r{i}", DecisionActions.LogEvent)));
        }

        var seen = new List<AccessEventId>();
        var query = new EventQuery(world.Org) { Limit = 10 };
        EventPage page;
        do
        {
            page = await store.QueryEventsAsync(query);
            seen.AddRange(page.Items.Select(e => e.Id));
            query = query with { After = page.Next };
        }
        while (page.Next is not null);

        Assert.Equal(25, seen.Count);
        Assert.Equal(25, seen.Distinct().Count());
        var exported = new List<AccessEvent>();
        await foreach (var e in store.ExportEventsAsync(new EventQuery(world.Org) { Limit = 1 }))
        {
            exported.Add(e);
        }

        Assert.Equal(seen, exported.Select(e => e.Id));
        Assert.True(exported.Zip(exported.Skip(1)).All(p => p.First.At >= p.Second.At));
    }

    // R-STU-11, R-DEC-06: days and hours are the site's local ones, across a DST change.
    [Theory, OnSqlite, OnPostgres]
    public async Task Counts_per_day_and_hour_use_the_sites_local_time(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);

        // Amsterdam moves to summer time on 2026-03-29 at 01:00 UTC (02:00 -> 03:00 local).
        var lateSaturday = new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero); // 00:30 Sunday local (UTC+1)
        var sundayMorning = new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero); // 03:30 Sunday local (UTC+2)
        var saturdayEvening = new DateTimeOffset(2026, 3, 28, 18, 0, 0, TimeSpan.Zero); // 19:00 Saturday local
        await store.AppendAsync(new EventAppend(world.Entry(saturdayEvening, "a", DecisionActions.LogEvent)));
        await store.AppendAsync(new EventAppend(world.Entry(lateSaturday, "b", DecisionActions.LogEvent)));
        await store.AppendAsync(new EventAppend(world.Entry(sundayMorning, "c", DecisionActions.LogEvent, outcome: Outcome.Denied) with { Listed = false }));

        var days = await store.CountPerDayAsync(new EventQuery(world.Org));
        var hours = await store.CountPerHourAsync(new EventQuery(world.Org));

        Assert.Equal([new EventCount(new DateOnly(2026, 3, 28), null, 1, 0, 0), new EventCount(new DateOnly(2026, 3, 29), null, 1, 0, 1)], days);
        Assert.Equal(
            [new EventCount(new DateOnly(2026, 3, 28), 19, 1, 0, 0), new EventCount(new DateOnly(2026, 3, 29), 0, 1, 0, 0), new EventCount(new DateOnly(2026, 3, 29), 3, 0, 0, 1)],
            hours);
    }
}
