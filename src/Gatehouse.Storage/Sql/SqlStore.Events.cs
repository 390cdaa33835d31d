using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>The event log: append through the group-commit writer; reports read the database directly.</summary>
internal sealed partial class SqlStore
{
    public Task<AppendResult> AppendAsync(EventAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        return _writer.AppendAsync(append);
    }

    public async ValueTask<AccessEvent?> FindRecentAsync(DeviceId device, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        return _recent.Contains(device, requestId)
            ? await FirstAsync(_db.ProcessedEventSql, Rows.ToEvent, cancellationToken, ("device", device.Value), ("request", requestId)).ConfigureAwait(false)
            : null;
    }

    public Task<AccessEvent?> GetEventAsync(OrganizationId organization, AccessEventId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Event} FROM {Rows.EventFrom} WHERE e.id = @id AND e.organization_id = @org", Rows.ToEvent, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<EventPage> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        var limit = Math.Clamp(query.Limit, 1, 1000);
        var (where, args) = Filter(query, paging: true);
        args.Add(("limit", limit + 1));
        var rows = await QueryAsync($"SELECT {Rows.Event} FROM {Rows.EventFrom} WHERE {where} ORDER BY e.at DESC, e.id DESC LIMIT @limit", Rows.ToEvent, cancellationToken, [.. args]).ConfigureAwait(false);
        if (rows.Count <= limit)
        {
            return new EventPage(rows, null);
        }

        rows.RemoveAt(limit);
        var last = rows[^1];
        return new EventPage(rows, new EventCursor(last.At, last.Id));
    }

    public Task<IReadOnlyList<EventCount>> CountPerDayAsync(EventQuery query, CancellationToken cancellationToken = default) => CountAsync(query, hourly: false, cancellationToken);

    public Task<IReadOnlyList<EventCount>> CountPerHourAsync(EventQuery query, CancellationToken cancellationToken = default) => CountAsync(query, hourly: true, cancellationToken);

    public async IAsyncEnumerable<AccessEvent> ExportEventsAsync(EventQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (where, args) = Filter(query, paging: false);
        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command($"SELECT {Rows.Event} FROM {Rows.EventFrom} WHERE {where} ORDER BY e.at DESC, e.id DESC"), [.. args]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = new Row(reader, _db);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return Rows.ToEvent(row);
        }
    }

    public async Task<StoreResult<AccessEvent>> RecordStaffDecisionAsync(OrganizationId organization, AccessEventId id, bool allowed, StaffUserId by, CancellationToken cancellationToken = default)
    {
        if (await GetEventAsync(organization, id, cancellationToken).ConfigureAwait(false) is not { } stored)
        {
            return StoreResult.NotFound($"Event {id} not found.");
        }

        if (!await ExistsAsync("staff_users", by.Value, organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Staff user {by} not found.");
        }

        var decision = new StaffDecision(allowed, by, Now);
        var inserted = await InsertAsync(
            "INSERT INTO staff_decisions (event_id, organization_id, allowed, staff_user_id, decided_at) VALUES (@id, @org, @allowed, @by, @at) RETURNING event_id",
            cancellationToken, ("id", id.Value), ("org", organization.Value), ("allowed", allowed), ("by", by.Value), ("at", _db.Instant(decision.At))).ConfigureAwait(false);
        return inserted is null ? StoreResult.Conflict($"Entry {id} was already decided.") : stored with { StaffDecision = decision };
    }

    private async Task LoadRecentRequestsAsync(CancellationToken cancellationToken)
    {
        var since = Now - _options.RecentRequestWindow;
        var rows = await QueryAsync(
            _db.RecentRequestsSql,
            r => (Device: new DeviceId(r.Long(0)), Request: r.String(1)), cancellationToken, ("since", _db.Instant(since)), ("limit", _options.RecentRequestCapacity)).ConfigureAwait(false);
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            _recent.Remember(rows[i].Device, rows[i].Request);
        }
    }

    /// <summary>
    /// Counted in C# rather than SQL: each event's local day depends on its own site's IANA zone (R-DEC-06), which
    /// SQLite cannot apply, and one code path keeps both databases giving the same answer across DST changes.
    /// </summary>
    private async Task<IReadOnlyList<EventCount>> CountAsync(EventQuery query, bool hourly, CancellationToken cancellationToken)
    {
        var (where, args) = Filter(query with { IncludeUnlisted = true }, paging: false);
        var counts = new SortedDictionary<(DateOnly Day, int Hour), int[]>();
        await using (var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = Bind(connection.Command($"SELECT e.at, e.site_id, e.outcome FROM events e WHERE {where}"), [.. args]))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var at = _db.ReadInstant(reader, 0);
                var zone = reader.IsDBNull(1) ? TimeZoneInfo.Utc : Index.FindSite(new SiteId(reader.GetInt64(1)))?.TimeZone ?? TimeZoneInfo.Utc;
                var local = TimeZoneInfo.ConvertTime(at, zone);
                var key = (DateOnly.FromDateTime(local.DateTime), hourly ? local.Hour : 0);
                if (!counts.TryGetValue(key, out var bucket))
                {
                    counts[key] = bucket = new int[3];
                }

                bucket[(int)Enum.Parse<Outcome>(reader.GetString(2))]++;
            }
        }

        return counts.Select(c => new EventCount(c.Key.Day, hourly ? c.Key.Hour : null, c.Value[(int)Outcome.Granted], c.Value[(int)Outcome.Warning], c.Value[(int)Outcome.Denied])).ToArray();
    }

    /// <summary>Builds the WHERE clause from the set filters only, so PostgreSQL never sees an untyped null parameter.</summary>
    private (string Where, List<(string Name, object? Value)> Args) Filter(EventQuery query, bool paging)
    {
        var where = new StringBuilder("e.organization_id = @org");
        var args = new List<(string Name, object? Value)> { ("org", query.Organization.Value) };
        void Add(string clause, string name, object value)
        {
            where.Append(" AND ").Append(clause);
            args.Add((name, value));
        }

        if (query.From is { } from)
        {
            Add("e.at >= @from", "from", _db.Instant(from));
        }

        if (query.Until is { } until)
        {
            Add("e.at < @until", "until", _db.Instant(until));
        }

        if (query.Site is { } site)
        {
            Add("e.site_id = @site", "site", site.Value);
        }

        if (query.Zone is { } zone)
        {
            Add("e.zone_id = @zone", "zone", zone.Value);
        }

        if (query.Device is { } device)
        {
            Add("e.device_id = @device", "device", device.Value);
        }

        if (query.Person is { } person)
        {
            Add("e.person_id = @person", "person", person.Value);
        }

        if (query.Outcome is { } outcome)
        {
            Add("e.outcome = @outcome", "outcome", outcome.ToString());
        }

        if (query.Reason is { } reason)
        {
            Add("e.reasons LIKE @reason", "reason", Reasons.Pattern(reason));
        }

        if (query.VisitReason is { } kind)
        {
            Add("e.visit_reason_kind = @vrkind", "vrkind", kind.ToString());
        }

        if (query.Mode is { } mode)
        {
            Add("e.mode = @mode", "mode", mode.ToString());
        }

        if (!query.IncludeUnlisted)
        {
            where.Append(" AND e.listed = TRUE");
        }

        if (!query.IncludePreVerifications)
        {
            where.Append(" AND e.pre_verification = FALSE");
        }

        if (paging && query.After is { } after)
        {
            where.Append(" AND (e.at < @cat OR (e.at = @cat AND e.id < @cid))");
            args.Add(("cat", _db.Instant(after.At)));
            args.Add(("cid", after.Id.Value));
        }

        return (where.ToString(), args);
    }
}
