using System.Globalization;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Desk;
using Gatehouse.Server.Events;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.Reports;

/// <summary>
/// Access monitoring report (R-STU-11): any period, filtered by site, zone, device, person, outcome and reason,
/// with counts per day and per hour and granted/denied by reason. The table and the CSV run one query: the CSV
/// link is the API's export with the same filter (R-OPS-06).
/// </summary>
public sealed class AccessModel(IGatehouseStore store, FrontDesk desk, VisitNames names, TimeProvider time) : StaffPageModel
{
    public const int PageSize = 200;

    /// <summary>Reasons are tallied from at most this many events, so a huge period stays fast.</summary>
    public const int ReasonSample = 20_000;

    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? SiteId { get; set; }
    [BindProperty(SupportsGet = true)] public long? ZoneId { get; set; }
    [BindProperty(SupportsGet = true)] public long? DeviceId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public Outcome? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public ReasonCode? Reason { get; set; }
    [BindProperty(SupportsGet = true)] public VisitReasonKind? VisitReason { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }

    public IReadOnlyList<Site> Sites { get; private set; } = [];
    public IReadOnlyList<Zone> Zones { get; private set; } = [];
    public IReadOnlyList<Device> Devices { get; private set; } = [];
    public IReadOnlyList<VisitRow> Rows { get; private set; } = [];
    public string? NextPage { get; private set; }
    public IReadOnlyList<ChartBar> PerDay { get; private set; } = [];
    public IReadOnlyList<ChartBar> PerHour { get; private set; } = [];
    public IReadOnlyList<ChartBar> ByReason { get; private set; } = [];
    public string CsvUrl { get; private set; } = "";
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sites = await store.ListSitesAsync(Staff.Organization, cancellationToken);
        Zones = await store.ListZonesAsync(Staff.Organization, cancellationToken: cancellationToken);
        Devices = await store.ListDevicesAsync(Staff.Organization, cancellationToken: cancellationToken);
        var zone = Sites.FirstOrDefault(s => s.Id.Value == SiteId)?.TimeZone ?? (Sites.Count > 0 ? Sites[0].TimeZone : TimeZoneInfo.Utc);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        From ??= today.AddDays(-6);
        To ??= today;

        long? personId = null;
        if (!string.IsNullOrWhiteSpace(Person))
        {
            var matches = await desk.SearchAsync(Staff.Organization, Person, cancellationToken);
            if (matches.Count != 1)
            {
                Error = matches.Count == 0 ? $"No person matches \"{Person}\"." : $"{matches.Count} people match \"{Person}\": give a card number or a fuller name.";
                return;
            }

            personId = matches[0].Id.Value;
        }

        var filter = new EventFilter(
            Start(From.Value, zone), Start(To.Value.AddDays(1), zone), SiteId, ZoneId, DeviceId, personId, Outcome, Reason, VisitReason, null, null, null, PageSize, After);
        var query = filter.ToQuery(Staff.Organization);
        if (query.Error is { } error)
        {
            Error = error.Detail;
            return;
        }

        CsvUrl = "/api/v1/events/export.csv" + QueryString(filter);
        var page = await store.QueryEventsAsync(query.Value!, cancellationToken);
        Rows = page.Items.Select(names.Row).ToList();
        NextPage = page.Next is { } next ? EventCursorText.Format(next) : null;

        var all = query.Value! with { After = null };
        PerDay = (await store.CountPerDayAsync(all, cancellationToken))
            .GroupBy(c => c.Day).OrderBy(g => g.Key)
            .Select(g => new ChartBar(g.Key.ToString("MM-dd", CultureInfo.InvariantCulture), g.Sum(c => c.Granted), g.Sum(c => c.Warning), g.Sum(c => c.Denied))).ToList();
        var hours = (await store.CountPerHourAsync(all, cancellationToken)).GroupBy(c => c.Hour ?? 0).ToDictionary(g => g.Key);
        PerHour = Enumerable.Range(0, 24)
            .Select(h => hours.TryGetValue(h, out var g) ? new ChartBar($"{h:00}", g.Sum(c => c.Granted), g.Sum(c => c.Warning), g.Sum(c => c.Denied)) : new ChartBar($"{h:00}", 0, 0, 0)).ToList();
        ByReason = await TallyReasonsAsync(all, cancellationToken);
    }

    private async Task<IReadOnlyList<ChartBar>> TallyReasonsAsync(EventQuery query, CancellationToken cancellationToken)
    {
        var granted = 0;
        var byReason = new Dictionary<ReasonCode, (int Warning, int Denied)>();
        var seen = 0;
        await foreach (var e in store.ExportEventsAsync(query, cancellationToken))
        {
            if (++seen > ReasonSample)
            {
                break;
            }

            if (e.Outcome == Engine.Decisions.Outcome.Granted)
            {
                granted++;
            }

            foreach (var reason in e.Reasons)
            {
                var (warning, denied) = byReason.GetValueOrDefault(reason);
                byReason[reason] = e.Outcome == Engine.Decisions.Outcome.Denied ? (warning, denied + 1) : (warning + 1, denied);
            }
        }

        var bars = new List<ChartBar> { new("Granted", granted, 0, 0) };
        bars.AddRange(byReason.OrderByDescending(r => r.Value.Warning + r.Value.Denied).Select(r => new ChartBar(r.Key.ToString(), 0, r.Value.Warning, r.Value.Denied)));
        return bars;
    }

    /// <summary>The site's local midnight of a day, as an instant (R-DEC-06).</summary>
    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static string QueryString(EventFilter f)
    {
        var pairs = new List<KeyValuePair<string, string?>>
        {
            new("from", f.From?.ToString("O", CultureInfo.InvariantCulture)),
            new("until", f.Until?.ToString("O", CultureInfo.InvariantCulture)),
            new("siteId", f.SiteId?.ToString(CultureInfo.InvariantCulture)),
            new("zoneId", f.ZoneId?.ToString(CultureInfo.InvariantCulture)),
            new("deviceId", f.DeviceId?.ToString(CultureInfo.InvariantCulture)),
            new("personId", f.PersonId?.ToString(CultureInfo.InvariantCulture)),
            new("outcome", f.Outcome?.ToString()),
            new("reason", f.Reason?.ToString()),
            new("visitReason", f.VisitReason?.ToString()),
        };
        return Microsoft.AspNetCore.Http.QueryString.Create(pairs.Where(p => p.Value is not null)).ToString();
    }
}
