using System.Diagnostics;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// SQLite only: the scan effects that touch one random row per event (presence in, presence out, a card's last
/// grant) are kept here and written to their tables later, a slice of rows in key order per batch, not row by row
/// in every batch. Every batch still stores its events, and an event's <c>actions</c> say which of these effects it
/// had, so the log alone can rebuild them (<see cref="EffectReplay"/> at start, from the last event id the tables
/// are known to include). Why: each such row is a 4 KB page in the WAL at the batch's commit and again at the
/// checkpoint, two per granted event; written this way the disk writes under load fell by a fifth
/// (docs/performance.md). In key order, one page takes many rows at once.
/// <para>
/// While running the truth is: this event's tentative rows, over this batch's staged ones, over committed pending
/// ones, over the frozen generation being written (<see cref="EffectDrain"/>), over the table. Only the event writer
/// touches this, inside its batch transaction or holding its gate (<see cref="EventWriter.SettleAsync"/>).
/// </para>
/// </summary>
internal sealed class DeferredEffects(int freezeRows)
{
    /// <summary>
    /// Pending rows are frozen into a generation to write once the oldest is this old (while scans come in), or
    /// once there are <c>freezeRows</c> of them (<see cref="StoreOptions.DeferredEffectRows"/>): that bounds the
    /// memory and what a restart replays.
    /// </summary>
    public static readonly TimeSpan FreezeInterval = TimeSpan.FromSeconds(2);

    /// <summary>Rows of the frozen generation written with each batch: small enough to add well under a millisecond.</summary>
    public const int RowsPerBatch = 128;

    private const string InsertPresence =
        "INSERT INTO presence (organization_id, person_id, site_id, zone_id, since, marked_by_staff) SELECT @org, @person, @site, @zone, @since, 0 "
        + "WHERE EXISTS (SELECT 1 FROM people WHERE id = @person) "
        + "ON CONFLICT (person_id, site_id) DO UPDATE SET zone_id = excluded.zone_id, since = excluded.since, marked_by_staff = 0";

    private const string DeletePresence = "DELETE FROM presence WHERE person_id = @person AND site_id = @site";

    private const string UpdateLastGrant = "UPDATE credentials SET last_granted_at = @at WHERE id = @id";

    private const string SetThrough = "UPDATE deferred_effects SET through_event_id = @through";

    private const string LastEvent = "SELECT coalesce(max(id), 0) FROM events";

    private readonly EffectRows _tentative = new();
    private readonly EffectRows _staged = new();
    private EffectRows _pending = new();
    private EffectDrain? _drain;
    private long _oldestPendingAt = Stopwatch.GetTimestamp();
    private int _drainedInBatch;
    private bool _settling;

    /// <summary>Nothing committed is waiting to be written.</summary>
    public bool Settled => _pending.Count == 0 && _drain is null;

    /// <summary>Whether this key's row is known here; <paramref name="row"/> null means absent.</summary>
    public bool TryGetPresence(long person, long site, out PresenceRow? row) =>
        _tentative.Presence.TryGetValue((person, site), out row) || _staged.Presence.TryGetValue((person, site), out row)
        || _pending.Presence.TryGetValue((person, site), out row) || (_drain is not null && _drain.Rows.Presence.TryGetValue((person, site), out row));

    public void SetPresence(long person, long site, PresenceRow? row) => _tentative.Presence[(person, site)] = row;

    public void SetLastGrant(long credential, long at) => _tentative.Grants[credential] = at;

    /// <summary>The end of one event's effects: kept when it won its race, forgotten when it lost.</summary>
    public void EndEvent(bool keep)
    {
        if (keep)
        {
            _tentative.MoveTo(_staged);
        }

        _tentative.Clear();
    }

    /// <summary>
    /// At the start of a batch's transaction: freezes the pending rows into a generation when they are due and none
    /// is being written, with the last event id they cover (every pending row is from a committed event).
    /// </summary>
    public async Task BeginBatchAsync(PreparedCommands commands)
    {
        _drainedInBatch = 0;
        if (_drain is null && _pending.Count > 0 && (_pending.Count >= freezeRows || Stopwatch.GetElapsedTime(_oldestPendingAt) >= FreezeInterval))
        {
            var through = Convert.ToInt64(await commands.Get(LastEvent).ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            _drain = new EffectDrain(_pending, through);
            _pending = new EffectRows();
        }
    }

    /// <summary>At the end of a batch's statements: writes the next slice of the frozen generation, and when that is
    /// its last, the event id the tables now include.</summary>
    public async Task EndBatchAsync(PreparedCommands commands)
    {
        if (_drain is not { Ready: true })
        {
            return;
        }

        var (presence, grants) = _drain.Slice(RowsPerBatch);
        await WriteAsync(commands, presence, grants).ConfigureAwait(false);
        _drainedInBatch = presence.Count + grants.Count;
        if (_drain.Position + _drainedInBatch == _drain.Total)
        {
            await commands.ExecuteAsync(SetThrough, ("through", _drain.Through)).ConfigureAwait(false);
        }
    }

    /// <summary>Writes every row known here, in the open transaction, with the last event id as covered.</summary>
    public async Task WriteAllAsync(PreparedCommands commands)
    {
        var all = new EffectRows();
        _drain?.Rows.CopyTo(all);
        _pending.CopyTo(all);
        _staged.CopyTo(all);
        await WriteAsync(commands, [.. all.Presence], [.. all.Grants]).ConfigureAwait(false);
        var through = await commands.Get(LastEvent).ExecuteScalarAsync().ConfigureAwait(false);
        await commands.ExecuteAsync(SetThrough, ("through", through)).ConfigureAwait(false);
        _settling = true;
    }

    /// <summary>The transaction committed: its rows are pending, its slice written, or everything written.</summary>
    public void Committed()
    {
        if (_settling)
        {
            _pending.Clear();
            _staged.Clear();
            _drain = null;
            _settling = false;
            return;
        }

        if (_pending.Count == 0 && _staged.Count > 0)
        {
            _oldestPendingAt = Stopwatch.GetTimestamp();
        }

        _staged.MoveTo(_pending);
        if (_drain is not null && _drain.Advance(_drainedInBatch))
        {
            _drain = null;
        }

        _drainedInBatch = 0;
    }

    /// <summary>The transaction was rolled back: its rows never happened, its slice was not written.</summary>
    public void RolledBack()
    {
        _tentative.Clear();
        _staged.Clear();
        _drainedInBatch = 0;
        _settling = false;
    }

    private static async Task WriteAsync(PreparedCommands commands, IReadOnlyList<KeyValuePair<(long Person, long Site), PresenceRow?>> presence, IReadOnlyList<KeyValuePair<long, long>> grants)
    {
        foreach (var ((person, site), row) in presence)
        {
            _ = row is { } present
                ? await commands.ExecuteAsync(InsertPresence, ("org", present.Organization), ("person", person), ("site", site), ("zone", present.Zone), ("since", present.Since)).ConfigureAwait(false)
                : await commands.ExecuteAsync(DeletePresence, ("person", person), ("site", site)).ConfigureAwait(false);
        }

        foreach (var (credential, at) in grants)
        {
            await commands.ExecuteAsync(UpdateLastGrant, ("at", at), ("id", credential)).ConfigureAwait(false);
        }
    }
}
