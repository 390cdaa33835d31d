using Gatehouse.Engine.Decisions;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// At start, before the index is loaded (SQLite): the effects of events stored after the tables were last brought
/// up to date (<see cref="DeferredEffects"/>; the process stopped before it applied them) are applied now, in event
/// order, with the same rules the writer used, so presence and the cards' last grants are what the log says.
/// </summary>
internal static class EffectReplay
{
    private const long Deferred = (long)(DecisionActions.AddPresence | DecisionActions.RemovePresence | DecisionActions.LockDoubleScan);

    /// <summary>Returns how many events were replayed.</summary>
    public static async Task<int> RunAsync(SqlDialect db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var commands = new PreparedCommands(connection, prepare: false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        commands.Transaction = transaction;
        var through = Convert.ToInt64(await commands.Get("SELECT through_event_id FROM deferred_effects").ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        var events = new List<(long? Organization, long? Person, long? Site, long? Zone, long? Credential, long At, DecisionActions Actions)>();
        await using (var reader = await commands.Get(
            "SELECT organization_id, person_id, site_id, zone_id, credential_id, at, actions FROM events WHERE id > @through AND (actions & @deferred) <> 0 ORDER BY id",
            ("through", through), ("deferred", Deferred)).ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                events.Add((Nullable(reader, 0), Nullable(reader, 1), Nullable(reader, 2), Nullable(reader, 3), Nullable(reader, 4), reader.GetInt64(5), (DecisionActions)reader.GetInt64(6)));
            }
        }

        if (events.Count == 0)
        {
            return 0;
        }

        var effects = new DeferredEffects(int.MaxValue);
        foreach (var e in events)
        {
            // As SideEffects ran them: the entry (only if not yet in), then the exit, then the card's lock.
            if (e is { Person: { } person, Site: { } site })
            {
                if (e.Actions.HasFlag(DecisionActions.AddPresence) && !await PresentAsync(commands, effects, person, site).ConfigureAwait(false))
                {
                    effects.SetPresence(person, site, new PresenceRow(e.Organization ?? 0, e.Zone, e.At));
                }

                if (e.Actions.HasFlag(DecisionActions.RemovePresence))
                {
                    effects.SetPresence(person, site, null);
                }
            }

            if (e.Actions.HasFlag(DecisionActions.LockDoubleScan) && e.Credential is { } credential)
            {
                effects.SetLastGrant(credential, e.At);
            }

            effects.EndEvent(keep: true);
        }

        effects.Committed();
        await effects.WriteAllAsync(commands).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return events.Count;
    }

    private static async Task<bool> PresentAsync(PreparedCommands commands, DeferredEffects effects, long person, long site)
    {
        if (effects.TryGetPresence(person, site, out var known))
        {
            return known is not null;
        }

        return await commands.Get("SELECT 1 FROM presence WHERE person_id = @person AND site_id = @site", ("person", person), ("site", site))
            .ExecuteScalarAsync().ConfigureAwait(false) is not null;
    }

    private static long? Nullable(System.Data.Common.DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
