namespace Gatehouse.Server.Hosting;

/// <summary><c>Gatehouse:Database</c>: <c>Gatehouse__Database__Provider</c>, <c>Gatehouse__Database__ConnectionString</c>.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults to a SQLite file in ./data, created on first start.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/gatehouse.db";
}
