namespace Gatehouse.Storage;

/// <summary>Which database backs the store.</summary>
public enum StoreProvider
{
    /// <summary>A file next to the app: zero set-up, one node.</summary>
    Sqlite,

    /// <summary>PostgreSQL 15+: real deployments and more than one node.</summary>
    Postgres,
}
