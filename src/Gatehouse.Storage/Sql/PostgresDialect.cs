using System.Data.Common;
using Gatehouse.Engine.Model;
using Npgsql;
using NpgsqlTypes;

namespace Gatehouse.Storage.Sql;

/// <summary>PostgreSQL 15: a pooled data source; timestamptz instants; COPY BINARY for bulk loads.</summary>
internal sealed class PostgresDialect(string connectionString) : SqlDialect
{
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connectionString);

    /// <summary>
    /// The event writer's connection auto-prepares its statements (after two uses): the same few statements run
    /// for every batch. Kept apart from the pool so admin and migration connections never hold plans that a
    /// schema change could invalidate. Its plans are always generic: they are key lookups and writes over arrays, and
    /// PostgreSQL kept re-planning the presence delete (<c>USING unnest</c>) for every batch, 0.18 ms of planning in
    /// a 2.5 ms write (docs/performance.md).
    /// </summary>
    private readonly NpgsqlDataSource _writerSource = NpgsqlDataSource.Create(WriterConnection(connectionString));
    private readonly ReservedIds _ids = new();

    public override StoreProvider Provider => StoreProvider.Postgres;

    /// <summary>The deployment's own startup options (if any) are kept; the plan cache mode is added to them.</summary>
    private static string WriterConnection(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 };
        builder.Options = $"{builder.Options} -c plan_cache_mode=force_generic_plan".Trim();
        return builder.ConnectionString;
    }

    public override string ScriptFolder => "postgres";

    /// <summary>Two nodes starting at once: the second waits, then sees the first's version and applies nothing.</summary>
    public override string LockSchemaSql => "LOCK TABLE schema_version IN ACCESS EXCLUSIVE MODE";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override async ValueTask<DbConnection> OpenEventWriterAsync(CancellationToken cancellationToken) =>
        await _writerSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    public override bool PrepareEventCommands => false;

    public override bool CommitAnswerCanBeLost => true;

    public override EventBulk CreateEventBulk(PreparedCommands commands) => new PostgresEventBulk(commands, _ids);

    /// <summary>Request ids live on the events (migration 006), compared bytewise like their unique index.</summary>
    public override string ProcessedEventSql => $"SELECT {Rows.Event} FROM {Rows.EventFrom} WHERE e.device_id = @device AND e.request_id = @request COLLATE \"C\"";

    /// <summary>Per organization, so each reads its newest events in the order of ix_events_org_at.</summary>
    public override string RecentRequestsSql =>
        "SELECT r.device_id, r.request_id FROM organizations o CROSS JOIN LATERAL (SELECT device_id, request_id, at FROM events "
        + "WHERE organization_id = o.id AND at >= @since AND request_id IS NOT NULL ORDER BY at DESC LIMIT @limit) r ORDER BY r.at DESC LIMIT @limit";

    public override object Instant(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task BulkLoadAsync(OrganizationId organization, IReadOnlyList<Person> people, IReadOnlyList<Credential> credentials, IReadOnlyList<Contract> contracts, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var org = organization.Value;

        // Synchronous row writes: tens of millions of field writes, where an await each would dominate.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY people (id, organization_id, kind, first_name, last_name, gender, company_id, email, active) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var person in people)
            {
                copy.StartRow();
                copy.Write(person.Id.Value, NpgsqlDbType.Bigint);
                copy.Write(org, NpgsqlDbType.Bigint);
                copy.Write(person.Kind.ToString(), NpgsqlDbType.Text);
                copy.Write(person.FirstName, NpgsqlDbType.Text);
                copy.Write(person.LastName, NpgsqlDbType.Text);
                copy.Write(person.Gender.ToString(), NpgsqlDbType.Text);
                WriteNullable(copy, person.Company?.Value, NpgsqlDbType.Bigint);
                WriteNullable(copy, person.Email, NpgsqlDbType.Text);
                copy.Write(person.Active, NpgsqlDbType.Boolean);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY credentials (id, organization_id, person_id, kind, value, flags, valid_from, valid_until, secret) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var credential in credentials)
            {
                copy.StartRow();
                copy.Write(credential.Id.Value, NpgsqlDbType.Bigint);
                copy.Write(org, NpgsqlDbType.Bigint);
                copy.Write(credential.Person.Value, NpgsqlDbType.Bigint);
                copy.Write(credential.Kind.ToString(), NpgsqlDbType.Text);
                copy.Write(credential.Value, NpgsqlDbType.Text);
                copy.Write((int)credential.Flags, NpgsqlDbType.Integer);
                WriteNullable(copy, credential.Validity?.From.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                WriteNullable(copy, credential.Validity?.Until.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                WriteNullable(copy, credential.Secret, NpgsqlDbType.Bytea);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY contracts (id, organization_id, person_id, name, valid_from, valid_until, status, is_main, grants_entry, rules, sites) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false))
        {
            foreach (var contract in contracts)
            {
                copy.StartRow();
                copy.Write(contract.Id.Value, NpgsqlDbType.Bigint);
                copy.Write(org, NpgsqlDbType.Bigint);
                copy.Write(contract.Person.Value, NpgsqlDbType.Bigint);
                copy.Write(contract.Name, NpgsqlDbType.Text);
                copy.Write(contract.Validity.From.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                copy.Write(contract.Validity.Until.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                copy.Write(contract.Status.ToString(), NpgsqlDbType.Text);
                copy.Write(contract.IsMain, NpgsqlDbType.Boolean);
                copy.Write(contract.GrantsEntry, NpgsqlDbType.Boolean);
                WriteNullable(copy, StoreJson.WriteRules(contract.Rules), NpgsqlDbType.Text);
                WriteNullable(copy, contract.Sites is null ? null : StoreJson.Write(contract.Sites.Select(s => s.Value)), NpgsqlDbType.Text);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        // Rows came with their ids: move the identity sequences past them so later adds do not collide.
        foreach (var table in (string[])["people", "credentials", "contracts"])
        {
            await using var setval = connection.Command(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), GREATEST((SELECT max(id) FROM {table}), 1))", transaction);
            await setval.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        await _writerSource.DisposeAsync().ConfigureAwait(false);
        await _source.DisposeAsync().ConfigureAwait(false);
    }

    private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }
}
