using System.Collections.Concurrent;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// The last N answered (device, request id) pairs, so a retried scan is answered from memory (R-DEC-05). The unique
/// key in processed_requests stays the authority: a miss here (older, or answered by another node) is caught at append.
/// </summary>
internal sealed class RecentRequests(int capacity)
{
    private readonly ConcurrentDictionary<(long Device, string Request), AccessEvent> _events = new();
    private readonly ConcurrentQueue<(long Device, string Request)> _order = new();

    // Our own count: ConcurrentDictionary.Count takes every lock of the table, and it was read once per scan.
    private int _count;

    public bool TryGet(DeviceId device, string requestId, out AccessEvent? stored)
    {
        var found = _events.TryGetValue((device.Value, requestId), out var value);
        stored = value;
        return found;
    }

    /// <summary>Blanks the display text of the person's cached answers (erasure, R-VIS-10).</summary>
    public void Anonymise(PersonId person)
    {
        foreach (var (key, stored) in _events)
        {
            if (stored.Person == person)
            {
                _events.TryUpdate(key, stored with { DisplayText = string.Empty }, stored);
            }
        }
    }

    public void Remember(AccessEvent stored)
    {
        if (stored.RequestId is null)
        {
            return;
        }

        var key = (stored.Device.Value, stored.RequestId);
        if (_events.TryAdd(key, stored))
        {
            _order.Enqueue(key);
            Interlocked.Increment(ref _count);
            while (Volatile.Read(ref _count) > capacity && _order.TryDequeue(out var oldest))
            {
                if (_events.TryRemove(oldest, out _))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
    }
}
