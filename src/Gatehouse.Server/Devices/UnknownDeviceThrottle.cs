using System.Net;
using Gatehouse.Server.Hosting;
using Gatehouse.Server.Http;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Devices;

/// <summary>
/// Scans that name no known device have no secret to check, yet each is answered with a denial and stored as an
/// event (R-DEC-03, R-DEC-04). A misconfigured reader scans at a person's pace; without a limit, anyone who can
/// reach the server could write events as fast as the group commit takes them, crowding out the real doors and
/// filling the disk. So they are counted per client address (an IPv6 one by its /64), a minute at a time, and refused once over
/// <see cref="GatehouseOptions.MaxUnknownDeviceScansPerMinute"/>. Known devices are never counted here.
/// </summary>
public sealed class UnknownDeviceThrottle(IOptions<GatehouseOptions> options, TimeProvider time)
{
    private readonly int _limit = options.Value.MaxUnknownDeviceScansPerMinute;
    private readonly FixedWindows _scans = new(time, TimeSpan.FromMinutes(1));

    /// <summary>Counts one more scan from this address; null when it may go on, else how long until it may.</summary>
    public TimeSpan? Admit(IPAddress? address)
    {
        var key = ClientNetwork.KeyOf(address);
        if (_scans.Wait(key, _limit) is { } wait)
        {
            return wait;
        }

        _scans.Count(key);
        return null;
    }
}
