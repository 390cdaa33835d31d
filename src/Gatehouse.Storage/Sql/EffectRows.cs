namespace Gatehouse.Storage.Sql;

/// <summary>
/// A set of deferred rows by key: presence per (person, site), null meaning absent; a card's last grant per
/// credential id (unix milliseconds). The later value for a key replaces the earlier.
/// </summary>
internal sealed class EffectRows
{
    public Dictionary<(long Person, long Site), PresenceRow?> Presence { get; } = [];

    public Dictionary<long, long> Grants { get; } = [];

    public int Count => Presence.Count + Grants.Count;

    public void MoveTo(EffectRows later)
    {
        CopyTo(later);
        Clear();
    }

    public void CopyTo(EffectRows later)
    {
        foreach (var (key, row) in Presence)
        {
            later.Presence[key] = row;
        }

        foreach (var (key, at) in Grants)
        {
            later.Grants[key] = at;
        }
    }

    public void Clear()
    {
        Presence.Clear();
        Grants.Clear();
    }
}
