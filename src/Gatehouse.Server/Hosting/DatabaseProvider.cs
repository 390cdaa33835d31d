namespace Gatehouse.Server.Hosting;

/// <summary>Which store the server runs on: an embedded file (one box) or PostgreSQL (several nodes).</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSQL,

    /// <summary>The storage layer's spelling, accepted too.</summary>
    Postgres = PostgreSQL,
}
