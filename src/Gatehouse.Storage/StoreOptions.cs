namespace Gatehouse.Storage;

/// <summary>
/// How to open the store. For SQLite, <see cref="ConnectionString"/> may be a plain file path. For PostgreSQL it is an
/// Npgsql connection string; add <c>Search Path=myschema</c> to keep the tables in a schema of their own.
/// </summary>
public sealed record StoreOptions(StoreProvider Provider, string ConnectionString)
{
    /// <summary>Most appends written in one group-commit transaction.</summary>
    public int MaxBatchSize { get; init; } = 512;

    /// <summary>How many recent (device, request id) answers stay in memory for idempotent replies (R-DEC-05).</summary>
    public int RecentRequestCapacity { get; init; } = 100_000;

    /// <summary>How far back request ids are loaded into memory at start.</summary>
    public TimeSpan RecentRequestWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// SQLite: how many presence and last-grant rows wait in memory (each event stores them in the log at once)
    /// before they are written to their tables in key order, a slice per batch; they also go once the oldest is 2 s old.
    /// </summary>
    public int DeferredEffectRows { get; init; } = 10_000;

    /// <summary>Stripes of <see cref="PersonLocks"/>.</summary>
    public int PersonLockStripes { get; init; } = 1024;
}
