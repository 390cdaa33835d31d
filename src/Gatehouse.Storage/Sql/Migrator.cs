using System.Data.Common;
using System.Globalization;
using System.Reflection;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Applies the embedded numbered scripts (<c>Migrations/&lt;dialect&gt;/NNN_name.sql</c>) that the database has not
/// seen, in one transaction together with their rows in <c>schema_version</c> (all or nothing). To change the schema, add the next
/// number for both dialects; never edit an applied script. On SQLite the scripts run with foreign keys off, as its
/// table rebuilds need, and the references are checked before the commit.
/// </summary>
internal static class Migrator
{
    private const string Prefix = "Gatehouse.Storage.Migrations.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(string folder)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = Prefix + folder + "/";
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[prefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            scripts.Add((version, name, reader.ReadToEnd()));
        }

        return scripts.OrderBy(s => s.Item1).ToArray();
    }

    public static int LatestVersion(string folder) => Scripts(folder).Max(s => s.Version);

    /// <summary>Returns the schema version after migrating. Throws <see cref="SchemaTooNewException"/>.</summary>
    public static async Task<int> MigrateAsync(SqlDialect dialect, TimeProvider time, CancellationToken cancellationToken)
    {
        var scripts = Scripts(dialect.ScriptFolder);
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        var (foreignKeysOff, foreignKeysOn) = dialect.MigrationForeignKeysSql;
        await ExecuteAsync(connection, null, foreignKeysOff, cancellationToken).ConfigureAwait(false);
        try
        {
            return await ApplyAsync(dialect, connection, scripts, time, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // The connection goes back to the pool: it must not keep foreign keys off.
            await ExecuteAsync(connection, null, foreignKeysOn, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static async Task<int> ApplyAsync(SqlDialect dialect, DbConnection connection, IReadOnlyList<(int Version, string Name, string Sql)> scripts, TimeProvider time, CancellationToken cancellationToken)
    {
        var latest = scripts[^1].Version;
        await using (var create = connection.Command(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, dialect.LockSchemaSql, cancellationToken).ConfigureAwait(false);

        int current;
        await using (var read = connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version", transaction))
        {
            current = Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        if (current > latest)
        {
            throw new SchemaTooNewException(current, latest);
        }

        foreach (var (version, name, sql) in scripts.Where(s => s.Version > current))
        {
            await using (var apply = connection.Command(sql, transaction))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var record = connection.Command("INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)", transaction)
                .With("version", version).With("name", name).With("at", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            current = version;
        }

        if (dialect.MigrationCheckSql.Length > 0)
        {
            await using var check = connection.Command(dialect.MigrationCheckSql, transaction);
            await using var broken = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await broken.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                // A script that breaks references is a bug in the script: nothing of it is kept.
                throw new InvalidOperationException($"Migrating to version {current} would break a reference from table {broken.GetString(0)}; nothing was changed.");
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return current;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        if (sql.Length > 0)
        {
            await using var command = connection.Command(sql, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
