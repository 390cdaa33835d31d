using System.Data.Common;
using Gatehouse.Engine.Model;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// SQLite: a single file in WAL mode with <c>synchronous=FULL</c>. NORMAL would be enough to survive a process
/// crash, but not a power cut: the last commits could vanish after they were acknowledged, which R-DEC-04 forbids.
/// FULL fsyncs the WAL on every commit; group commit spreads that one fsync over a whole batch of events.
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;
    private readonly Lock _checkpointerGate = new();
    private SqliteCheckpointer? _checkpointer;

    public SqliteDialect(string connectionStringOrPath)
    {
        var builder = connectionStringOrPath.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(connectionStringOrPath)
            : new SqliteConnectionStringBuilder { DataSource = connectionStringOrPath };
        builder.ForeignKeys = true;
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        _connectionString = builder.ToString();
    }

    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override string ScriptFolder => "sqlite";

    /// <summary>BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already takes the write lock.</summary>
    public override string LockSchemaSql => "";

    public override (string Before, string After) MigrationForeignKeysSql => ("PRAGMA foreign_keys = OFF", "PRAGMA foreign_keys = ON");

    public override string MigrationCheckSql => "PRAGMA foreign_key_check";

    public override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.Command("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>
    /// The writer's connection: a page cache of 8 MB and the file memory-mapped, so the index pages a batch touches
    /// (presence, credentials, request ids) are read without a system call each (a much larger cache made every
    /// commit slower: SQLite walks it when a transaction ends); checkpoints left to
    /// <see cref="SqliteCheckpointer"/>, started with the first writer; and commits that do not wait for the disk,
    /// because <see cref="WalFlusher"/> fsyncs the WAL before any caller is answered (see <see cref="DeferredSyncPath"/>).
    /// </summary>
    public override async ValueTask<DbConnection> OpenEventWriterAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var pragma = connection.Command(
            $"PRAGMA synchronous={(DeferredSyncPath(connection) is null ? "FULL" : "NORMAL")}; PRAGMA cache_size=-8192; PRAGMA mmap_size=268435456; PRAGMA wal_autocheckpoint={SqliteCheckpointer.WriterAutoCheckpointPages};");
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        lock (_checkpointerGate)
        {
            _checkpointer ??= new SqliteCheckpointer(_connectionString);
        }

        return connection;
    }

    /// <summary>
    /// When the checkpointer has copied nearly the whole WAL, the writer copies the rest itself, between batches:
    /// nothing can append meanwhile, so the checkpoint completes and the next batch starts the WAL over.
    /// </summary>
    public override async Task BetweenBatchesAsync(DbConnection writer)
    {
        if (_checkpointer?.TakeRestartRequest() == true)
        {
            await using var checkpoint = writer.Command("PRAGMA wal_checkpoint(PASSIVE);");
            await checkpoint.ExecuteNonQueryAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A file database in WAL mode; an in-memory or temporary one has no file to fsync (and no durability).</summary>
    public override string? DeferredSyncPath(DbConnection writer) =>
        writer is SqliteConnection { DataSource: { Length: > 0 } path } && path != ":memory:" && File.Exists(path) && File.Exists(path + "-wal") ? path : null;

    public override bool PrepareEventCommands => true;

    public override EventBulk CreateEventBulk(PreparedCommands commands) => new SqliteEventBulk(commands);

    public override object Instant(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) => DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 };

    public override async Task BulkLoadAsync(OrganizationId organization, IReadOnlyList<Person> people, IReadOnlyList<Credential> credentials, IReadOnlyList<Contract> contracts, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var org = organization.Value;

        // One prepared statement per table, parameters rebound per row: SQLite's fastest path short of raw C.
        using (var insert = connection.Command(
            "INSERT INTO people (id, organization_id, kind, first_name, last_name, gender, company_id, email, active) VALUES ($id, $org, $kind, $first, $last, $gender, $company, $email, $active)", transaction))
        {
            var p = Parameters(insert, "$id", "$org", "$kind", "$first", "$last", "$gender", "$company", "$email", "$active");
            insert.Prepare();
            foreach (var person in people)
            {
                p[0].Value = person.Id.Value;
                p[1].Value = org;
                p[2].Value = person.Kind.ToString();
                p[3].Value = person.FirstName;
                p[4].Value = person.LastName;
                p[5].Value = person.Gender.ToString();
                p[6].Value = person.Company is { } company ? company.Value : DBNull.Value;
                p[7].Value = (object?)person.Email ?? DBNull.Value;
                p[8].Value = person.Active;
                insert.ExecuteNonQuery();
            }
        }

        using (var insert = connection.Command(
            "INSERT INTO credentials (id, organization_id, person_id, kind, value, flags, valid_from, valid_until, secret) VALUES ($id, $org, $person, $kind, $value, $flags, $from, $until, $secret)", transaction))
        {
            var p = Parameters(insert, "$id", "$org", "$person", "$kind", "$value", "$flags", "$from", "$until", "$secret");
            insert.Prepare();
            foreach (var credential in credentials)
            {
                p[0].Value = credential.Id.Value;
                p[1].Value = org;
                p[2].Value = credential.Person.Value;
                p[3].Value = credential.Kind.ToString();
                p[4].Value = credential.Value;
                p[5].Value = (int)credential.Flags;
                p[6].Value = Instant(credential.Validity?.From);
                p[7].Value = Instant(credential.Validity?.Until);
                p[8].Value = (object?)credential.Secret ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }
        }

        using (var insert = connection.Command(
            "INSERT INTO contracts (id, organization_id, person_id, name, valid_from, valid_until, status, is_main, grants_entry, rules, sites) VALUES ($id, $org, $person, $name, $from, $until, $status, $main, $grants, $rules, $sites)", transaction))
        {
            var p = Parameters(insert, "$id", "$org", "$person", "$name", "$from", "$until", "$status", "$main", "$grants", "$rules", "$sites");
            insert.Prepare();
            foreach (var contract in contracts)
            {
                p[0].Value = contract.Id.Value;
                p[1].Value = org;
                p[2].Value = contract.Person.Value;
                p[3].Value = contract.Name;
                p[4].Value = Instant(contract.Validity.From);
                p[5].Value = Instant(contract.Validity.Until);
                p[6].Value = contract.Status.ToString();
                p[7].Value = contract.IsMain;
                p[8].Value = contract.GrantsEntry;
                p[9].Value = (object?)StoreJson.WriteRules(contract.Rules) ?? DBNull.Value;
                p[10].Value = contract.Sites is null ? DBNull.Value : StoreJson.Write(contract.Sites.Select(s => s.Value));
                insert.ExecuteNonQuery();
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Pooled connections keep the file open; release them so the file can be moved or deleted.</summary>
    public override ValueTask DisposeAsync()
    {
        _checkpointer?.Dispose();
        _checkpointer = null;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }

    private static DbParameter[] Parameters(DbCommand command, params string[] names)
    {
        var result = new DbParameter[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            result[i] = command.CreateParameter();
            result[i].ParameterName = names[i];
            result[i].Value = DBNull.Value;
            command.Parameters.Add(result[i]);
        }

        return result;
    }
}
