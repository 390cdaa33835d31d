namespace Gatehouse.Server.Tests.Infrastructure;

/// <summary>Makes the PostgreSQL skip visible in the test report instead of silently running SQLite only.</summary>
public sealed class PostgresVisibilityTests
{
    [PostgresFact]
    public void PostgreSQL_server_tests_run_when_configured() =>
        Assert.True(TestDatabases.RunPostgres);
}
