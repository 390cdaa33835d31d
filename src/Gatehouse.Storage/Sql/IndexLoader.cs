using System.Data.Common;
using System.Globalization;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Builds the <see cref="AccessIndex"/> from the database at start by streaming rows with a data reader (no
/// tracking, no intermediate lists of all rows). Per-person tables are read ordered by person so each person's
/// snapshot is replaced once per table.
/// </summary>
internal static class IndexLoader
{
    public static async Task<AccessIndex> LoadAsync(SqlDialect db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var peopleCount = Convert.ToInt32(await Scalar(connection, "SELECT COUNT(*) FROM people", cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        var index = new AccessIndex(peopleCount);

        await Each(connection, db, $"SELECT {Rows.Organization} FROM organizations", r => index.SetOrganization(Rows.ToOrganization(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Site} FROM sites", r => index.SetSite(Rows.ToSite(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Zone} FROM zones", r => index.SetZone(Rows.ToZone(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Logic} FROM access_logics", r => index.SetLogic(Rows.ToLogic(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Device} FROM devices", r => index.SetDevice(Rows.ToDevice(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Level} FROM access_levels", r => index.SetLevel(Rows.ToLevel(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Secret} FROM device_secrets WHERE revoked_at IS NULL ORDER BY id", r => index.SetDeviceSecret(new DeviceId(r.Long(1)), r.String(2)), cancellationToken).ConfigureAwait(false);

        // The two big tables load side by side on their own connections: credentials do not depend on people.
        var credentials = Task.Run(() => LoadCredentialsAsync(db, index, cancellationToken), cancellationToken);
        await Each(connection, db, $"SELECT {Rows.Person}, pos_balance, account_balance FROM people", r => index.SetEntitlements(
            new Entitlements(Rows.ToPerson(r)) { PosBalance = r.Decimal(11), AccountBalance = r.Decimal(12) }), cancellationToken).ConfigureAwait(false);
        await credentials.ConfigureAwait(false);

        await Grouped(connection, db, $"SELECT {Rows.Contract} FROM contracts ORDER BY person_id, id", Rows.ToContract, (e, l) => e with { Contracts = l }, index, cancellationToken).ConfigureAwait(false);
        await Grouped(connection, db, $"SELECT {Rows.Product} FROM entrance_products ORDER BY person_id, id", Rows.ToProduct, (e, l) => e with { Products = l }, index, cancellationToken).ConfigureAwait(false);
        await Grouped(connection, db, $"SELECT {Rows.Pause} FROM subscription_pauses ORDER BY person_id, id", r => Rows.ToPause(r).Pause, (e, l) => e with { Pauses = l }, index, cancellationToken).ConfigureAwait(false);
        await Grouped(connection, db, $"SELECT {Rows.Invoice} FROM invoices ORDER BY person_id, id", Rows.ToInvoice, (e, l) => e with { Invoices = l }, index, cancellationToken).ConfigureAwait(false);
        await Grouped(connection, db, $"SELECT {Rows.Booking} FROM bookings ORDER BY person_id, id", Rows.ToBooking, (e, l) => e with { Bookings = l }, index, cancellationToken).ConfigureAwait(false);
        await Grouped(connection, db, $"SELECT {Rows.Questionnaire} FROM questionnaires ORDER BY person_id, id", Rows.ToQuestionnaire, (e, l) => e with { Questionnaires = l }, index, cancellationToken).ConfigureAwait(false);

        // Latest presence per person goes into the snapshot; every row counts toward occupancy.
        await Each(connection, db, $"SELECT {Rows.Presence} FROM presence ORDER BY person_id, since", r => index.AddPresence(Rows.ToPresence(r)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Visitor} FROM visitor_passes", r =>
        {
            var pass = Rows.ToVisitor(r);
            index.Update(pass.Person, e => e with { Visitor = pass });
        }, cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Employment} FROM employment_terms", r =>
        {
            var terms = Rows.ToEmployment(r);
            index.Update(new PersonId(r.Long(0)), e => e with { Employment = terms });
        }, cancellationToken).ConfigureAwait(false);
        return index;
    }

    private static async Task LoadCredentialsAsync(SqlDialect db, AccessIndex index, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await Each(connection, db, "SELECT organization_id, COUNT(*) FROM credentials GROUP BY organization_id", r => index.ReserveCredentials(new OrganizationId(r.Long(0)), (int)r.Long(1)), cancellationToken).ConfigureAwait(false);
        await Each(connection, db, $"SELECT {Rows.Credential}, organization_id FROM credentials", r => index.LoadCredential(new OrganizationId(r.Long(9)), Rows.ToCredential(r)), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> Scalar(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task Each(DbConnection connection, SqlDialect db, string sql, Action<Row> each, CancellationToken cancellationToken)
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

    /// <summary>Rows ordered by person (column 1): collects one person's rows, then replaces their snapshot once.</summary>
    private static async Task Grouped<T>(DbConnection connection, SqlDialect db, string sql, Func<Row, T> map, Func<Entitlements, IReadOnlyList<T>, Entitlements> attach, AccessIndex index, CancellationToken cancellationToken)
    {
        var current = new PersonId(0);
        var items = new List<T>();
        void Flush()
        {
            if (items.Count > 0)
            {
                var list = items.ToArray();
                index.Update(current, e => attach(e, list));
                items.Clear();
            }
        }

        await Each(connection, db, sql, r =>
        {
            var person = new PersonId(r.Long(1));
            if (person != current)
            {
                Flush();
                current = person;
            }

            items.Add(map(r));
        }, cancellationToken).ConfigureAwait(false);
        Flush();
    }
}
