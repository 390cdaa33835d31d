using System.Collections.Concurrent;
using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Devices;

/// <summary>When each device last checked in. Kept in memory: it is monitoring, not a record that must survive restarts.</summary>
public sealed class Heartbeats
{
    private readonly ConcurrentDictionary<DeviceId, DateTimeOffset> _lastSeen = new();

    public void Record(DeviceId device, DateTimeOffset at) => _lastSeen[device] = at;

    public DateTimeOffset? LastSeen(DeviceId device) => _lastSeen.TryGetValue(device, out var at) ? at : null;
}
