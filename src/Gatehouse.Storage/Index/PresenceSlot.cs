using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Index;

/// <summary>
/// Where one person is inside, written in place on every entry and exit. A new snapshot per entry (the person's
/// entitlements copied with the new presence) was most of what each gen0 collection promoted once the cards' last
/// grants moved out (docs/performance.md, ninth session); values written into this long-lived object are nothing to
/// the GC. One writer at a time (the index's gate); readers never wait: a sequence number, odd while a write is
/// under way, tells a reader to read again rather than take half of an old and half of a new presence.
/// </summary>
internal sealed class PresenceSlot
{
    private int _sequence;
    private long _site;
    private long _zone;
    private long _sinceTicks;
    private bool _markedByStaff;

    /// <summary>The site the person is in, if any (site ids start at 1, so 0 is "nowhere").</summary>
    public SiteId? Site => Read(default) is { } presence ? presence.Site : null;

    public Presence? Read(PersonId person)
    {
        while (true)
        {
            var before = Volatile.Read(ref _sequence);
            if ((before & 1) == 0)
            {
                var site = Volatile.Read(ref _site);
                var zone = Volatile.Read(ref _zone);
                var since = Volatile.Read(ref _sinceTicks);
                var staff = Volatile.Read(ref _markedByStaff);
                if (Volatile.Read(ref _sequence) == before)
                {
                    return site == 0 ? null : new Presence(person, new SiteId(site), new DateTimeOffset(since, TimeSpan.Zero), staff, zone == 0 ? null : new ZoneId(zone));
                }
            }

            Thread.SpinWait(1);
        }
    }

    /// <summary>Callers hold the index's gate: one writer at a time.</summary>
    public void Write(Presence? presence)
    {
        Volatile.Write(ref _sequence, _sequence + 1);
        Interlocked.MemoryBarrier();
        _site = presence?.Site.Value ?? 0;
        _zone = presence?.Zone?.Value ?? 0;
        _sinceTicks = presence?.Since.UtcTicks ?? 0;
        _markedByStaff = presence?.MarkedByStaff ?? false;
        Volatile.Write(ref _sequence, _sequence + 1);
    }
}
