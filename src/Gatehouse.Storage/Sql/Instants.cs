namespace Gatehouse.Storage.Sql;

/// <summary>
/// Instants are kept to whole milliseconds (SQLite stores unix ms), so what a write returns equals what a later read
/// returns: an idempotent retry answered from the database then matches the first answer exactly (R-DEC-05).
/// </summary>
internal static class Instants
{
    public static DateTimeOffset Stored(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
