namespace Gatehouse.Storage.Sql;

/// <summary>
/// A frozen generation of <see cref="DeferredEffects"/>: rows from events up to <see cref="Through"/>, written a
/// slice per batch in key order (neighbouring keys share b-tree pages). Its rows still answer lookups until the last
/// slice is committed; a newer value for a key lives in the newer generation and is written after.
/// </summary>
internal sealed class EffectDrain(EffectRows rows, long through)
{
    private readonly KeyValuePair<(long Person, long Site), PresenceRow?>[] _presence = [.. rows.Presence.OrderBy(p => p.Key)];
    private readonly KeyValuePair<long, long>[] _grants = [.. rows.Grants.OrderBy(g => g.Key)];

    public EffectRows Rows => rows;

    /// <summary>The last event id whose effects the tables hold once this generation is written.</summary>
    public long Through => through;

    public int Total => _presence.Length + _grants.Length;

    /// <summary>Rows written and committed so far (presence first, then grants).</summary>
    public int Position { get; private set; }

    /// <summary>The next rows after <see cref="Position"/>, at most <paramref name="count"/>.</summary>
    public (ArraySegment<KeyValuePair<(long Person, long Site), PresenceRow?>> Presence, ArraySegment<KeyValuePair<long, long>> Grants) Slice(int count)
    {
        var presenceStart = Math.Min(Position, _presence.Length);
        var presence = new ArraySegment<KeyValuePair<(long Person, long Site), PresenceRow?>>(_presence, presenceStart, Math.Min(count, _presence.Length - presenceStart));
        var grantStart = Math.Max(0, Position - _presence.Length);
        var grants = new ArraySegment<KeyValuePair<long, long>>(_grants, grantStart, Math.Min(count - presence.Count, _grants.Length - grantStart));
        return (presence, grants);
    }

    /// <summary>A slice was committed; true when that was the last.</summary>
    public bool Advance(int written)
    {
        Position += written;
        return Position >= Total;
    }
}
