namespace Gatehouse.Server.Tests.Infrastructure;

/// <summary>A fact that shows as skipped, with the reason, when PostgreSQL is not configured outside CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabases.RunPostgres)
        {
            Skip = TestDatabases.SkipMessage;
        }
    }
}
