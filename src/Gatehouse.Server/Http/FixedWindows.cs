using System.Collections.Concurrent;

namespace Gatehouse.Server.Http;

/// <summary>
/// Counts events per key in fixed windows on the injected clock: a key's window opens at its first count and lasts
/// <c>length</c>, half-open <c>[opened, opened + length)</c>. Used to refuse callers that have used up their
/// window (failed sign-ins, scans from unknown devices) before the work they would cost. Expired windows are
/// dropped once the table passes a size, so it holds about one window's worth of keys.
/// </summary>
public sealed class FixedWindows(TimeProvider time, TimeSpan length)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>How long until this key's window ends, when it has reached <paramref name="limit"/>; null when it has not.</summary>
    public TimeSpan? Wait(string key, int limit)
    {
        var now = time.GetUtcNow();
        return _windows.TryGetValue(key, out var window) && window.Until > now && window.Count >= limit ? window.Until - now : null;
    }

    public void Count(string key)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > PruneAbove)
        {
            Prune(now);
        }

        _windows.AddOrUpdate(
            key,
            _ => new Window(now + length, 1),
            (_, current) => current.Until > now ? current with { Count = current.Count + 1 } : new Window(now + length, 1));
    }

    public void Clear(string key) => _windows.TryRemove(key, out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, window) in _windows)
        {
            if (window.Until <= now)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
    }

    private sealed record Window(DateTimeOffset Until, int Count);
}
