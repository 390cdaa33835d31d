using System.Data.Common;
using System.Globalization;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Builds the <see cref="AccessIndex"/> from the database at start by streaming rows with a data reader (no
/// tracking). Per-person tables are read ordered by person and joined to the people in one pass, so each person's
/// snapshot is created once, complete (see <see cref="PersonTables"/>).
/// </summary>
internal static class IndexLoader
{
    /// <param name="now">The store's clock at start: on PostgreSQL, grants since the longest double-entry time before it still lock their cards.</param>
    /// <returns>The index, and since when it knows the cards' grants (PostgreSQL; <see cref="GrantHorizon"/>).</returns>
    public static async Task<(AccessIndex Index, DateTimeOffset GrantsSince)> LoadAsync(SqlDialect db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var peopleCount = Convert.ToInt32(await Scalar(connection, "SELECT COUNT(*) FROM people", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var index = new AccessIndex(peopleCount);

        var organizations = new List<OrganizationId>();
        var logics = new List<AccessLogic>();
        await Each(connection, db, $"SELECT {Rows.Organization} FROM organizations", r =>
        {
            var organization = Rows.ToOrganization(r);
            index.SetOrganization(organization);
            organizations.Add(organization.Id);
        }, cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Site} FROM sites", r => index.SetSite(Rows.ToSite(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Zone} FROM zones", r => index.SetZone(Rows.ToZone(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Logic} FROM access_logics", r =>
        {
            var logic = Rows.ToLogic(r);
            index.SetLogic(logic);
            logics.Add(logic);
        }, cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Device} FROM devices", r => index.SetDevice(Rows.ToDevice(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Level} FROM access_levels", r => index.SetLevel(Rows.ToLevel(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Secret} FROM device_secrets WHERE revoked_at IS NULL ORDER BY id", r => index.SetDeviceSecret(new DeviceId(r.Long(1)), r.String(2)), cancellationToken).ConfigureAwait(false);

        // Three streams side by side, each on its own connection: credentials go straight into the index, while the
        // people and the per-person tables are staged and then joined, so each person's snapshot is built once.
        var credentials = Task.Run(() => LoadCredentialsAsync(db, index, cancellationToken), cancellationToken);
        var tables = Task.Run(() => PersonTables.ReadAsync(db, index, cancellationToken), cancellationToken);
        var people = Task.Run(() => ReadPeopleAsync(connection, db, peopleCount, cancellationToken), cancellationToken);
        await Task.WhenAll(credentials, tables, people).ConfigureAwait(false);
        var horizon = RecentGrants.Horizon(logics);
        if (db.Provider == StoreProvider.Postgres && horizon > TimeSpan.Zero)
        {
            await RecentGrants.LoadAsync(db, index, organizations, now - horizon, cancellationToken).ConfigureAwait(false);
        }

        var grouped = await tables.ConfigureAwait(false);
        foreach (var person in await people.ConfigureAwait(false))
        {
            index.SetEntitlements(grouped.Build(person));
        }

        return (index, now - horizon);
    }

    private static async Task LoadCredentialsAsync(SqlDialect db, AccessIndex index, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await Each(connection, db, "SELECT organization_id, COUNT(*) FROM credentials GROUP BY organization_id", r => index.ReserveCredentials(new OrganizationId(r.Long(0)), (int)r.Long(1)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Credential}, organization_id FROM credentials", r => index.LoadCredential(new OrganizationId(r.Long(9)), Rows.ToCredential(r, lastGrant: null), r.InstantOrNull(8)), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static async Task Each(DbConnection connection, SqlDialect db, string sql, Action<Row> each, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = new Row(reader, db);

        // Synchronous Read: millions of rows, and an awaited ReadAsync per row costs more than the row itself.
        while (reader.Read())
        {
            each(row);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The people in ascending id order, as <see cref="PersonTables.Build"/> needs them.</summary>
    private static async Task<List<StagedPerson>> ReadPeopleAsync(DbConnection connection, SqlDialect db, int expected, CancellationToken cancellationToken)
    {
        var people = new List<StagedPerson>(expected);
        var ascending = true;
        var shared = new SharedValues();
        await using (var command = connection.Command($"SELECT {Rows.Person}, pos_balance, account_balance FROM people"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            var row = new Row(reader, db, shared);
            var last = long.MinValue;
            while (reader.Read())
            {
                var person = Rows.ToPerson(row);
                ascending &= person.Id.Value > last;
                last = person.Id.Value;
                people.Add(new StagedPerson(person, row.Decimal(11), row.Decimal(12)));
            }
        }

        // No ORDER BY: both databases usually return the rows in id order already (SQLite by rowid, PostgreSQL in
        // insertion order), and sorting here when they do not is cheaper than having the database sort every load.
        if (!ascending)
        {
            people.Sort(static (a, b) => a.Person.Id.Value.CompareTo(b.Person.Id.Value));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return people;
    }
}
