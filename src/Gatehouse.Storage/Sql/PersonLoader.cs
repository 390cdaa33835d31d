using System.Data.Common;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Reads one person's whole entitlements snapshot and latest presence, for refreshing the index after another
/// node's write.
/// </summary>
internal static class PersonLoader
{
    public static async Task<(Entitlements Entitlements, Presence? Presence)?> LoadAsync(SqlDialect db, PersonId id, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var people = await ListAsync(connection, db, $"SELECT {Rows.Person}, pos_balance, account_balance FROM people WHERE id = @p", id,
            r => new StagedPerson(Rows.ToPerson(r), r.Decimal(11), r.Decimal(12)), cancellationToken).ConfigureAwait(false);
        if (people.Length == 0)
        {
            return null;
        }

        var presence = await ListAsync(connection, db, $"SELECT {Rows.Presence} FROM presence WHERE person_id = @p ORDER BY since", id, Rows.ToPresence, cancellationToken).ConfigureAwait(false);
        var entitlements = PersonTables.Assemble(
            people[0],
            await ListAsync(connection, db, $"SELECT {Rows.Contract} FROM contracts WHERE person_id = @p ORDER BY id", id, Rows.ToContract, cancellationToken).ConfigureAwait(false),
            await ListAsync(connection, db, $"SELECT {Rows.Product} FROM entrance_products WHERE person_id = @p ORDER BY id", id, Rows.ToProduct, cancellationToken).ConfigureAwait(false),
            await ListAsync(connection, db, $"SELECT {Rows.Pause} FROM subscription_pauses WHERE person_id = @p ORDER BY id", id, r => Rows.ToPause(r).Pause, cancellationToken).ConfigureAwait(false),
            await ListAsync(connection, db, $"SELECT {Rows.Invoice} FROM invoices WHERE person_id = @p ORDER BY id", id, Rows.ToInvoice, cancellationToken).ConfigureAwait(false),
            await ListAsync(connection, db, $"SELECT {Rows.Booking} FROM bookings WHERE person_id = @p ORDER BY id", id, Rows.ToBooking, cancellationToken).ConfigureAwait(false),
            await ListAsync(connection, db, $"SELECT {Rows.Questionnaire} FROM questionnaires WHERE person_id = @p ORDER BY id", id, Rows.ToQuestionnaire, cancellationToken).ConfigureAwait(false),
            await ListAsync(connection, db, $"SELECT {Rows.Visitor} FROM visitor_passes WHERE person_id = @p", id, Rows.ToVisitor, cancellationToken).ConfigureAwait(false),
            await ListAsync(connection, db, $"SELECT {Rows.Employment} FROM employment_terms WHERE person_id = @p", id, Rows.ToEmployment, cancellationToken).ConfigureAwait(false));
        return (entitlements, presence.Length > 0 ? presence[^1] : null);
    }

    private static async Task<T[]> ListAsync<T>(DbConnection connection, SqlDialect db, string sql, PersonId id, Func<Row, T> map, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(sql).With("p", id.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        var row = new Row(reader, db);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(row));
        }

        return [.. rows];
    }
}
