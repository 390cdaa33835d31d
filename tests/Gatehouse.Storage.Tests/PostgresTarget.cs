using Npgsql;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// Where the PostgreSQL variants run: GATEHOUSE_TEST_POSTGRES. Off CI, a missing or unreachable server skips them
/// with a visible reason; on CI (CI=true) they run and fail loudly instead, so a broken database cannot hide.
/// </summary>
internal static class PostgresTarget
{
    private static readonly Lazy<string?> SkipReasonValue = new(FindSkipReason);

    public static string? ConnectionString => Environment.GetEnvironmentVariable("GATEHOUSE_TEST_POSTGRES");

    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason => SkipReasonValue.Value;

    private static string? FindSkipReason()
    {
        if (OnCi)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return "PostgreSQL not reachable: set GATEHOUSE_TEST_POSTGRES";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 3 };
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return null;
        }
        catch (NpgsqlException exception)
        {
            return $"PostgreSQL not reachable at GATEHOUSE_TEST_POSTGRES: {exception.Message}";
        }
    }
}
