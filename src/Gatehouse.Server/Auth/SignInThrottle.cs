using System.Net;
using Gatehouse.Server.Hosting;
using Gatehouse.Server.Http;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Counts failed staff sign-ins per existing username and per client address, and says when either has used up
/// its window (R-OPS-01). Two reasons: online password guessing, and the cost of a guess. Each verification runs
/// the framework's PBKDF2 (100,000 iterations), milliseconds of CPU on the same two cores that answer the doors,
/// so a refused attempt must be refused before the hash. Only failures count: staff who type their password right
/// are never slowed, and a success clears that username's count. Unknown usernames are not counted by name (they
/// cost no hash, and counting them would let anyone fill the table); they count against the address.
/// </summary>
public sealed class SignInThrottle(IOptions<GatehouseOptions> options, TimeProvider time)
{
    private readonly SignInOptions _options = options.Value.SignIn;
    private readonly FixedWindows _failures = new(time, options.Value.SignIn.Window);

    /// <summary>How long until this username or address may try again; null when it may now.</summary>
    public TimeSpan? RetryAfter(string username, IPAddress? address)
    {
        var byUser = _failures.Wait(UserKey(username), _options.MaxFailuresPerUsername);
        var byAddress = _failures.Wait(AddressKey(address), _options.MaxFailuresPerAddress);
        return byUser is null ? byAddress : byAddress is null ? byUser : TimeSpan.FromTicks(Math.Max(byUser.Value.Ticks, byAddress.Value.Ticks));
    }

    /// <summary>A failed attempt: counted against the address, and against the username when it exists.</summary>
    public void Failed(string? existingUsername, IPAddress? address)
    {
        _failures.Count(AddressKey(address));
        if (existingUsername is not null)
        {
            _failures.Count(UserKey(existingUsername));
        }
    }

    public void Succeeded(string username) => _failures.Clear(UserKey(username));

    private static string UserKey(string username) => "user:" + username;

    private static string AddressKey(IPAddress? address) => "address:" + ClientNetwork.KeyOf(address);
}
