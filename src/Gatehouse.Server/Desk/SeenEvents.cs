namespace Gatehouse.Server.Desk;

/// <summary>
/// The ids of the last events pushed to one organization's pages, bounded (several polls' worth): the feed shows
/// an event of the newest page once, whatever order the ids were stored in.
/// </summary>
public sealed class SeenEvents
{
    private const int Capacity = 1_000;

    private readonly Lock _gate = new();
    private readonly HashSet<long> _ids = [];
    private readonly Queue<long> _order = new();

    public bool Contains(long id)
    {
        lock (_gate)
        {
            return _ids.Contains(id);
        }
    }

    public void AddAll(IEnumerable<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (_ids.Add(id))
                {
                    _order.Enqueue(id);
                }
            }

            while (_order.Count > Capacity)
            {
                _ids.Remove(_order.Dequeue());
            }
        }
    }
}
