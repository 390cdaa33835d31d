using Npgsql;

namespace Gatehouse.Server.Tests.Infrastructure;

/// <summary>
/// The databases server tests run on: SQLite always; PostgreSQL when GATEHOUSE_TEST_POSTGRES is set, and in CI
/// (CI=true) always, so a missing database there fails loudly instead of skipping.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";
    public const string SkipMessage = "PostgreSQL server tests skipped: set GATEHOUSE_TEST_POSTGRES (e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=gatehouse;Database=gatehouse_test).";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("GATEHOUSE_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static bool RunPostgres => PostgresConnectionString is not null || InCi;

    /// <summary>Theory data: every provider the tests must run on here.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (RunPostgres)
            {
                data.Add(PostgreSql);
            }

            return data;
        }
    }

    /// <summary>A fresh schema per test host, so tests never see each other's rows; dropped at dispose.</summary>
    public static async Task<string> CreatePostgresSchemaAsync(string schema)
    {
        var cs = PostgresConnectionString
            ?? throw new InvalidOperationException("CI=true but GATEHOUSE_TEST_POSTGRES is not set: the PostgreSQL server tests cannot run.");
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA \"{schema}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(cs) { SearchPath = schema, Pooling = true }.ConnectionString;
    }

    public static async Task DropPostgresSchemaAsync(string schema)
    {
        if (PostgresConnectionString is not { } cs)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
