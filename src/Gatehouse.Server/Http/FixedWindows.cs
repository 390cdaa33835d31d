using System.Collections.Concurrent;

namespace Gatehouse.Server.Http;

/// <summary>
/// Counts events per key in fixed windows on the injected clock: a key's window opens at its first count and lasts
/// <c>length</c>, half-open <c>[opened, opened + length)</c>. Used to refuse callers that have used up their
/// window (failed sign-ins, scans from unknown devices) before the work they would cost. The callers are anonymous,
/// so the table itself must not become the cost: expired windows are dropped when it has doubled since the last
/// sweep (each sweep paid for by the keys added since), or, once it is full, at most eight times a window; past
/// <see cref="MaxKeys"/> live keys every new key is counted under one shared key, which then runs out for all of
/// them together.
/// </summary>
public sealed class FixedWindows(TimeProvider time, TimeSpan length)
{
    public const int MaxKeys = 100_000;

    private const int FirstSweepAbove = 10_000;
    private const string Overflow = "(overflow)";

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private int _sweepAbove = FirstSweepAbove;
    private long _lastSweepTicks;

    /// <summary>How long until this key's window ends, when it has reached <paramref name="limit"/>; null when it has not.</summary>
    public TimeSpan? Wait(string key, int limit)
    {
        var now = time.GetUtcNow();
        return _windows.TryGetValue(Resolve(key), out var window) && window.Until > now && window.Count >= limit ? window.Until - now : null;
    }

    public void Count(string key)
    {
        var now = time.GetUtcNow();
        var keys = _windows.Count;
        if (keys > Volatile.Read(ref _sweepAbove) || (keys >= MaxKeys && now.UtcTicks - Interlocked.Read(ref _lastSweepTicks) >= length.Ticks / 8))
        {
            Sweep(now);
        }

        _windows.AddOrUpdate(
            Resolve(key),
            _ => new Window(now + length, 1),
            (_, current) => current.Until > now ? current with { Count = current.Count + 1 } : new Window(now + length, 1));
    }

    public void Clear(string key) => _windows.TryRemove(key, out _);

    private string Resolve(string key) => _windows.Count < MaxKeys || _windows.ContainsKey(key) ? key : Overflow;

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.Until <= now)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }

        Volatile.Write(ref _sweepAbove, Math.Max(FirstSweepAbove, 2 * _windows.Count));
        Interlocked.Exchange(ref _lastSweepTicks, now.UtcTicks);
    }

    private sealed record Window(DateTimeOffset Until, int Count);
}
