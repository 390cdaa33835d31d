using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Which (device, request id) pairs were answered recently, so a retried scan is known without a query (R-DEC-05).
/// Only a 64-bit fingerprint of each pair is kept, in flat arrays, never the answer itself: a cache of answers made
/// several objects per scan survive long enough to be promoted by the garbage collector, and those promotions were
/// the longest pauses of the scan path. A hit is confirmed by reading the stored answer by its key (a retry is
/// rare, a read is cheap), so a fingerprint collision costs a read, never a wrong answer. The stored unique key
/// stays the authority (processed_requests on SQLite, the events' request index on PostgreSQL): a miss here (older,
/// or answered by another node) is caught at append.
/// </summary>
internal sealed class RecentRequests(int capacity)
{
    private readonly Lock _gate = new();
    private readonly HashSet<(long Device, ulong Fingerprint)> _seen = new(Math.Min(capacity, 1 << 20));
    private readonly Queue<(long Device, ulong Fingerprint)> _order = new(Math.Min(capacity, 1 << 20));

    /// <summary>Whether this pair was answered recently; confirm with the stored row before replaying.</summary>
    public bool Contains(DeviceId device, string requestId)
    {
        var key = (device.Value, Fingerprint(requestId));
        lock (_gate)
        {
            return _seen.Contains(key);
        }
    }

    public void Remember(DeviceId device, string? requestId)
    {
        if (requestId is null || capacity <= 0)
        {
            return;
        }

        var key = (device.Value, Fingerprint(requestId));
        lock (_gate)
        {
            if (!_seen.Add(key))
            {
                return;
            }

            _order.Enqueue(key);
            while (_seen.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _seen.Remove(oldest);
            }
        }
    }

    /// <summary>FNV-1a over the UTF-16 code units: stable, allocation-free, and well spread for short ids.</summary>
    private static ulong Fingerprint(string requestId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in requestId)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
