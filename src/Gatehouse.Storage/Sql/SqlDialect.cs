using System.Data.Common;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// What differs between SQLite and PostgreSQL. Everything else (the SQL text) is shared: both speak
/// <c>@name</c> parameters, <c>RETURNING</c>, <c>ON CONFLICT</c> and <c>SAVEPOINT</c>.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable
{
    public abstract StoreProvider Provider { get; }

    /// <summary>Folder of the numbered migration scripts.</summary>
    public abstract string ScriptFolder { get; }

    /// <summary>Statement that makes concurrent migrators (other nodes) wait; run inside the migration transaction.</summary>
    public abstract string LockSchemaSql { get; }

    /// <summary>
    /// Run on the migration's connection around its transaction. SQLite changes a table by rebuilding it, which
    /// needs foreign keys off (dropping a parent would otherwise delete its children); PostgreSQL alters in place.
    /// </summary>
    public virtual (string Before, string After) MigrationForeignKeysSql => ("", "");

    /// <summary>Run inside the migration's transaction after its scripts: each row it returns is a broken reference.</summary>
    public virtual string MigrationCheckSql => "";

    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The event writer's own long-lived connection.</summary>
    public virtual ValueTask<DbConnection> OpenEventWriterAsync(CancellationToken cancellationToken) => OpenAsync(cancellationToken);

    /// <summary>
    /// The database file whose WAL the event writer must fsync itself before releasing a batch, when its
    /// connection commits without waiting for the disk (SQLite); null when a commit is already durable.
    /// </summary>
    public virtual string? DeferredSyncPath(DbConnection writer) => null;

    /// <summary>Housekeeping the event writer runs on its connection between two batches (SQLite: restart the WAL).</summary>
    public virtual Task BetweenBatchesAsync(DbConnection writer) => Task.CompletedTask;

    /// <summary>
    /// Whether a COMMIT can fail in the client after the database applied it (a server across a connection that can
    /// break); the writer then asks whether the batch is stored before retrying it (<see cref="CommitOutcome"/>).
    /// </summary>
    public virtual bool CommitAnswerCanBeLost => false;

    /// <summary>Whether the event writer prepares its commands explicitly (else the connection auto-prepares them).</summary>
    public abstract bool PrepareEventCommands { get; }

    /// <summary>The event writer's per-batch statements, over its prepared commands.</summary>
    public abstract EventBulk CreateEventBulk(PreparedCommands commands);

    /// <summary>
    /// The event stored for (@device, @request), with its staff decision as every event read has: the server's replay
    /// and the writer's duplicate check read the same row the same way (R-DEC-05).
    /// </summary>
    public virtual string ProcessedEventSql =>
        $"SELECT {Rows.Event} FROM processed_requests p JOIN events e ON e.id = p.event_id LEFT JOIN staff_decisions d ON d.event_id = e.id WHERE p.device_id = @device AND p.request_id = @request";

    /// <summary>The (device, request id) pairs answered since @since, newest first, at most @limit (to fill <see cref="RecentRequests"/> at start).</summary>
    public virtual string RecentRequestsSql => "SELECT device_id, request_id FROM processed_requests WHERE at >= @since ORDER BY at DESC LIMIT @limit";

    /// <summary>The parameter value of an instant (SQLite: unix ms; PostgreSQL: UTC timestamptz).</summary>
    public abstract object Instant(DateTimeOffset value);

    public object Instant(DateTimeOffset? value) => value is { } v ? Instant(v) : DBNull.Value;

    public abstract DateTimeOffset ReadInstant(DbDataReader reader, int ordinal);

    public abstract bool IsUniqueViolation(DbException exception);

    /// <summary>Writes the seed's rows as fast as the database allows, in one transaction.</summary>
    public abstract Task BulkLoadAsync(OrganizationId organization, IReadOnlyList<Person> people, IReadOnlyList<Credential> credentials, IReadOnlyList<Contract> contracts, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
