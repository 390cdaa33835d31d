using System.Diagnostics;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// SQLite only: the scan effects that touch one random row per event (presence in, presence out, a card's last
/// grant) are kept here and written to their tables in bulk, not row by row in every batch. Every batch still
/// stores its events, and an event's <c>actions</c> say which of these effects it had, so the log alone can rebuild
/// them (<see cref="EffectReplay"/> at start, from the last event id the tables are known to include). Why: each
/// such row is a 4 KB page in the WAL at the batch's commit and again at the checkpoint; with two or three per event
/// they were most of what a scan wrote to disk. Applied in bulk, the same page takes many changes at once.
/// <para>
/// The truth while running is: staged (this batch, not committed) over pending (committed, not applied) over the
/// table. Only the event writer touches this, inside its batch transaction (or holding its gate, for
/// <see cref="EventWriter.SettleAsync"/>); SQLite's single writer makes that order the commit order.
/// </para>
/// </summary>
internal sealed class DeferredEffects
{
    /// <summary>Applied at least this often while scans come in, so a restart replays a few seconds of events.</summary>
    public static readonly TimeSpan ApplyInterval = TimeSpan.FromSeconds(5);

    /// <summary>Or once this many rows wait, whichever comes first: bounds the memory and the replay.</summary>
    public const int ApplyRows = 50_000;

    private const string InsertPresence =
        "INSERT INTO presence (organization_id, person_id, site_id, zone_id, since, marked_by_staff) SELECT @org, @person, @site, @zone, @since, 0 "
        + "WHERE EXISTS (SELECT 1 FROM people WHERE id = @person) "
        + "ON CONFLICT (person_id, site_id) DO UPDATE SET zone_id = excluded.zone_id, since = excluded.since, marked_by_staff = 0";

    private const string DeletePresence = "DELETE FROM presence WHERE person_id = @person AND site_id = @site";

    private const string UpdateLastGrant = "UPDATE credentials SET last_granted_at = @at WHERE id = @id";

    private const string SetThrough = "UPDATE deferred_effects SET through_event_id = (SELECT coalesce(max(id), 0) FROM events)";

    // A key maps to the row now (null: absent). One event's own changes are tentative until its race is decided.
    private readonly Dictionary<(long Person, long Site), PresenceRow?> _pending = [];
    private readonly Dictionary<(long Person, long Site), PresenceRow?> _staged = [];
    private readonly Dictionary<(long Person, long Site), PresenceRow?> _tentative = [];
    private readonly Dictionary<long, long> _pendingGrants = [];
    private readonly Dictionary<long, long> _stagedGrants = [];
    private readonly Dictionary<long, long> _tentativeGrants = [];
    private long _appliedAt = Stopwatch.GetTimestamp();
    private bool _applying;

    /// <summary>Nothing committed is waiting to be applied.</summary>
    public bool Settled => _pending.Count == 0 && _pendingGrants.Count == 0;

    /// <summary>Due to be applied with the batch being written.</summary>
    public bool Due => !Settled && (_pending.Count + _pendingGrants.Count >= ApplyRows || Stopwatch.GetElapsedTime(_appliedAt) >= ApplyInterval);

    /// <summary>Whether this key's row is known here; <paramref name="row"/> null means absent.</summary>
    public bool TryGetPresence(long person, long site, out PresenceRow? row) =>
        _tentative.TryGetValue((person, site), out row) || _staged.TryGetValue((person, site), out row) || _pending.TryGetValue((person, site), out row);

    public void SetPresence(long person, long site, PresenceRow? row) => _tentative[(person, site)] = row;

    public void SetLastGrant(long credential, long at) => _tentativeGrants[credential] = at;

    /// <summary>The end of one event's effects: kept when it won its race, forgotten when it lost.</summary>
    public void EndEvent(bool keep)
    {
        if (keep)
        {
            Move(_tentative, _staged);
            Move(_tentativeGrants, _stagedGrants);
        }

        _tentative.Clear();
        _tentativeGrants.Clear();
    }

    /// <summary>The batch's transaction committed: its changes are now pending, or applied if it applied them.</summary>
    public void Committed()
    {
        if (_applying)
        {
            _pending.Clear();
            _pendingGrants.Clear();
            _staged.Clear();
            _stagedGrants.Clear();
            _appliedAt = Stopwatch.GetTimestamp();
            _applying = false;
            return;
        }

        Move(_staged, _pending);
        Move(_stagedGrants, _pendingGrants);
    }

    /// <summary>The batch's transaction was rolled back: its changes never happened.</summary>
    public void RolledBack()
    {
        _tentative.Clear();
        _tentativeGrants.Clear();
        _staged.Clear();
        _stagedGrants.Clear();
        _applying = false;
    }

    /// <summary>
    /// Writes everything committed and staged to the tables, in the open transaction, and records the last event id
    /// they now include. A person deleted meanwhile gets no presence row (the guard), a deleted card no update.
    /// </summary>
    public async Task ApplyAsync(PreparedCommands commands)
    {
        foreach (var (key, row) in _pending.Concat(_staged).GroupBy(p => p.Key).Select(g => g.Last()))
        {
            _ = row is { } present
                ? await commands.ExecuteAsync(InsertPresence, ("org", present.Organization), ("person", key.Person), ("site", key.Site), ("zone", present.Zone), ("since", present.Since)).ConfigureAwait(false)
                : await commands.ExecuteAsync(DeletePresence, ("person", key.Person), ("site", key.Site)).ConfigureAwait(false);
        }

        foreach (var (credential, at) in _pendingGrants.Concat(_stagedGrants).GroupBy(p => p.Key).Select(g => g.Last()))
        {
            await commands.ExecuteAsync(UpdateLastGrant, ("at", at), ("id", credential)).ConfigureAwait(false);
        }

        await commands.ExecuteAsync(SetThrough).ConfigureAwait(false);
        _applying = true;
    }

    private static void Move<TKey, TValue>(Dictionary<TKey, TValue> from, Dictionary<TKey, TValue> to)
        where TKey : notnull
    {
        foreach (var (key, value) in from)
        {
            to[key] = value;
        }

        from.Clear();
    }
}
