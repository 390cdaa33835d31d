using System.Data.Common;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// PostgreSQL: a card's last grant is its latest event that locked it (<see cref="SideEffects"/>: scans there write
/// no card row). At start only the grants that can still lock a card matter, those within the longest double-entry
/// time of any access logic, so only those events are read (by organization and time, <c>ix_events_org_at</c>); a
/// card shown to staff gets its last grant from the person's events (<see cref="ForPersonAsync"/>).
/// </summary>
internal static class RecentGrants
{
    private const long Lock = (long)DecisionActions.LockDoubleScan;

    /// <summary>How far back a grant can still lock a card: the longest double-entry time of the logics that check double scans.</summary>
    public static TimeSpan Horizon(IEnumerable<AccessLogic> logics) =>
        TimeSpan.FromSeconds(logics.Where(l => l.Checks.CheckDoubleScan).Select(l => l.Advanced.DoubleEntryTimeSeconds).DefaultIfEmpty(0).Max());

    /// <summary>Puts the cards' grants since <paramref name="since"/> into the index, where later than the row's.</summary>
    public static async Task LoadAsync(SqlDialect db, AccessIndex index, IEnumerable<OrganizationId> organizations, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        foreach (var organization in organizations)
        {
            await using var command = connection.Command(
                "SELECT c.value, max(e.at) FROM events e JOIN credentials c ON c.id = e.credential_id "
                + "WHERE e.organization_id = @org AND e.at >= @since AND (e.actions & @lock) <> 0 GROUP BY c.value")
                .With("org", organization.Value).With("since", db.Instant(since)).With("lock", Lock);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var row = new Row(reader, db);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                index.LearnGrant(organization, row.String(0), row.Instant(1));
            }
        }
    }

    /// <summary>The person's cards as shown to staff, each with its latest locking event if that is later than its row's.</summary>
    public static async Task<IReadOnlyList<Credential>> ForPersonAsync(DbConnection connection, SqlDialect db, PersonId person, IReadOnlyList<Credential> cards, CancellationToken cancellationToken)
    {
        if (cards.Count == 0)
        {
            return cards;
        }

        var latest = new Dictionary<long, DateTimeOffset>();
        await using (var command = connection.Command(
            "SELECT credential_id, max(at) FROM events WHERE person_id = @person AND credential_id = ANY(@ids) AND (actions & @lock) <> 0 GROUP BY credential_id")
            .With("person", person.Value).With("ids", cards.Select(c => c.Id.Value).ToArray()).With("lock", Lock))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Row(reader, db);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                latest[row.Long(0)] = row.Instant(1);
            }
        }

        return [.. cards.Select(c => latest.TryGetValue(c.Id.Value, out var at) && (c.LastGrantedAt is null || at > c.LastGrantedAt) ? c with { LastGrantedAt = at } : c)];
    }
}
