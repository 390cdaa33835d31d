using System.Collections.Concurrent;
using System.Net;
using Gatehouse.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Counts failed staff sign-ins in fixed windows, per existing username and per client address, and says when a
/// key has used up its window (R-OPS-01). Two reasons: online password guessing, and the cost of a guess. Each
/// verification runs the framework's PBKDF2 (100,000 iterations), milliseconds of CPU on the same two cores that
/// answer the doors, so a refused attempt must be refused before the hash. Only failures count: staff who type
/// their password right are never slowed, and a success clears that username's count. Unknown usernames are not
/// counted by name (they cost no hash, and counting them would let anyone fill the table); they count against the
/// address. On the injected clock, so tests move through a window without waiting.
/// </summary>
public sealed class SignInThrottle(IOptions<GatehouseOptions> options, TimeProvider time)
{
    // Expired windows are dropped once the table holds this many keys, so it stays as large as one window's failures.
    private const int PruneAbove = 10_000;

    private readonly SignInOptions _options = options.Value.SignIn;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>How long until this username or address may try again; null when it may now.</summary>
    public TimeSpan? RetryAfter(string username, IPAddress? address)
    {
        var now = time.GetUtcNow();
        var byUser = Wait(UserKey(username), _options.MaxFailuresPerUsername, now);
        var byAddress = Wait(AddressKey(address), _options.MaxFailuresPerAddress, now);
        return byUser is null ? byAddress : byAddress is null ? byUser : TimeSpan.FromTicks(Math.Max(byUser.Value.Ticks, byAddress.Value.Ticks));
    }

    /// <summary>A failed attempt: counted against the address, and against the username when it exists.</summary>
    public void Failed(string? existingUsername, IPAddress? address)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > PruneAbove)
        {
            Prune(now);
        }

        Count(AddressKey(address), now);
        if (existingUsername is not null)
        {
            Count(UserKey(existingUsername), now);
        }
    }

    public void Succeeded(string username) => _windows.TryRemove(UserKey(username), out _);

    private static string UserKey(string username) => "user:" + username;

    // Requests without an address (in-process test hosts) share one key.
    private static string AddressKey(IPAddress? address) => "address:" + (address?.ToString() ?? "none");

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now) =>
        _windows.TryGetValue(key, out var window) && window.Until > now && window.Failures >= limit ? window.Until - now : null;

    private void Count(string key, DateTimeOffset now) =>
        _windows.AddOrUpdate(
            key,
            _ => new Window(now + _options.Window, 1),
            (_, current) => current.Until > now ? current with { Failures = current.Failures + 1 } : new Window(now + _options.Window, 1));

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

    /// <summary>One key's current window: it ends at <see cref="Until"/> (exclusive) and has seen this many failures.</summary>
    private sealed record Window(DateTimeOffset Until, int Failures);
}
