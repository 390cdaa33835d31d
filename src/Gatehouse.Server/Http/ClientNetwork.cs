using System.Net;
using System.Net.Sockets;

namespace Gatehouse.Server.Http;

/// <summary>
/// The key a client is counted under by the throttles: an IPv4 address as it is, an IPv6 address by its /64 network.
/// One IPv6 host usually holds a whole /64 and can pick a new address in it for every request, so counting single
/// IPv6 addresses would count nothing.
/// </summary>
public static class ClientNetwork
{
    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            // In-process test hosts give no address: one shared key.
            return "none";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
