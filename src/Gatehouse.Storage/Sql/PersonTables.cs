using System.Data.Common;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Every per-person table of the index load, read on one connection ordered by person and grouped, then joined to
/// the people by <see cref="Build"/>: each person's <see cref="Entitlements"/> is created once, complete, instead of
/// being created bare and replaced (copied) once per table that has rows for them.
/// </summary>
internal sealed class PersonTables
{
    private PersonGroups<Contract> _contracts = new();
    private PersonGroups<EntranceProduct> _products = new();
    private PersonGroups<SubscriptionPause> _pauses = new();
    private PersonGroups<Invoice> _invoices = new();
    private PersonGroups<Booking> _bookings = new();
    private PersonGroups<QuestionnaireResult> _questionnaires = new();
    private PersonGroups<VisitorPass> _visitors = new();
    private PersonGroups<EmploymentTerms> _employment = new();

    /// <summary>Reads the tables; every presence row also counts toward occupancy, whether or not its person still exists.</summary>
    public static async Task<PersonTables> ReadAsync(SqlDialect db, AccessIndex index, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        var shared = new SharedValues();
        var tables = new PersonTables();
        tables._contracts = await GroupAsync(connection, db, shared, $"SELECT {Rows.Contract} FROM contracts ORDER BY person_id, id", 1, Rows.ToContract, cancellationToken).ConfigureAwait(false);
        tables._products = await GroupAsync(connection, db, shared, $"SELECT {Rows.Product} FROM entrance_products ORDER BY person_id, id", 1, Rows.ToProduct, cancellationToken).ConfigureAwait(false);
        tables._pauses = await GroupAsync(connection, db, shared, $"SELECT {Rows.Pause} FROM subscription_pauses ORDER BY person_id, id", 1, r => Rows.ToPause(r).Pause, cancellationToken).ConfigureAwait(false);
        tables._invoices = await GroupAsync(connection, db, shared, $"SELECT {Rows.Invoice} FROM invoices ORDER BY person_id, id", 1, Rows.ToInvoice, cancellationToken).ConfigureAwait(false);
        tables._bookings = await GroupAsync(connection, db, shared, $"SELECT {Rows.Booking} FROM bookings ORDER BY person_id, id", 1, Rows.ToBooking, cancellationToken).ConfigureAwait(false);
        tables._questionnaires = await GroupAsync(connection, db, shared, $"SELECT {Rows.Questionnaire} FROM questionnaires ORDER BY person_id, id", 1, Rows.ToQuestionnaire, cancellationToken).ConfigureAwait(false);

        // Every presence row counts; the index keeps each person's latest (rows in order of since).
        await IndexLoader.Each(connection, db, $"SELECT {Rows.Presence} FROM presence ORDER BY person_id, since", r => index.LoadPresence(Rows.ToPresence(r)), cancellationToken).ConfigureAwait(false);
        tables._visitors = await GroupAsync(connection, db, shared, $"SELECT {Rows.Visitor} FROM visitor_passes ORDER BY person_id", 0, Rows.ToVisitor, cancellationToken).ConfigureAwait(false);
        tables._employment = await GroupAsync(connection, db, shared, $"SELECT {Rows.Employment} FROM employment_terms ORDER BY person_id", 0, Rows.ToEmployment, cancellationToken).ConfigureAwait(false);
        return tables;
    }

    /// <summary>The person's whole snapshot. People must be built in ascending id order (see <see cref="PersonGroups{T}.Take"/>).</summary>
    public Entitlements Build(StagedPerson staged)
    {
        var id = staged.Person.Id.Value;
        return Assemble(staged, _contracts.Take(id), _products.Take(id), _pauses.Take(id), _invoices.Take(id), _bookings.Take(id),
            _questionnaires.Take(id), _visitors.Take(id), _employment.Take(id));
    }

    /// <summary>
    /// A snapshot from the person's rows of each per-person table (null or empty: none), for the start-up load and
    /// for the one-person refresh alike (<see cref="PersonLoader"/>), so both hold the same visitor pass and
    /// employment row.
    /// </summary>
    public static Entitlements Assemble(
        StagedPerson staged, Contract[]? contracts, EntranceProduct[]? products, SubscriptionPause[]? pauses, Invoice[]? invoices, Booking[]? bookings,
        QuestionnaireResult[]? questionnaires, VisitorPass[]? visitor, EmploymentTerms[]? employment) =>
        new(staged.Person)
        {
            PosBalance = staged.PosBalance,
            AccountBalance = staged.AccountBalance,
            Contracts = contracts ?? [],
            Products = products ?? [],
            Pauses = pauses ?? [],
            Invoices = invoices ?? [],
            Bookings = bookings ?? [],
            Questionnaires = questionnaires ?? [],
            Visitor = visitor is { Length: > 0 } ? visitor[0] : null,
            Employment = employment is { Length: > 0 } ? employment[0] : null,
        };

    private static async Task<PersonGroups<T>> GroupAsync<T>(DbConnection connection, SqlDialect db, SharedValues shared, string sql, int personOrdinal, Func<Row, T> map, CancellationToken cancellationToken)
    {
        var groups = new PersonGroups<T>();
        var items = new List<T>();
        var current = 0L;
        await using var command = connection.Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var row = new Row(reader, db, shared);

        // Synchronous Read: millions of rows, and an awaited ReadAsync per row costs more than the row itself.
        while (reader.Read())
        {
            var person = reader.GetInt64(personOrdinal);
            if (person != current && items.Count > 0)
            {
                groups.Add(current, [.. items]);
                items.Clear();
            }

            current = person;
            items.Add(map(row));
        }

        if (items.Count > 0)
        {
            groups.Add(current, [.. items]);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return groups;
    }
}
