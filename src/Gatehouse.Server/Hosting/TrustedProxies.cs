using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Gatehouse.Server.Hosting;

/// <summary>
/// <c>Gatehouse:TrustedProxies</c>: the reverse proxies whose <c>X-Forwarded-For</c> is believed, as addresses or
/// CIDR networks separated by commas or spaces ("10.0.0.5, 192.168.10.0/24"). The throttles count each client by
/// its address (<see cref="Http.ClientNetwork"/>); behind a proxy every TCP peer is the proxy, and a header taken
/// from anyone would let a caller pick a fresh address for every guess. So the header is read only from a peer in
/// this list, and through a chain of listed proxies up to the first address that is not one: that is the client.
/// Empty (the default): the header is ignored and the TCP peer is the client.
/// </summary>
public static class TrustedProxies
{
    private static readonly char[] Separators = [',', ' ', ';'];

    /// <summary>The networks named by the setting; a malformed entry stops the start with a message naming it.</summary>
    public static IReadOnlyList<IPNetwork> Parse(string? setting)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in (setting ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            networks.Add(ParseEntry(entry));
        }

        return networks;
    }

    /// <summary>Believes forwarded headers from the configured proxies only; nothing when none are configured.</summary>
    public static void AddTo(WebApplicationBuilder builder)
    {
        var networks = Parse(Setting(builder.Configuration));
        if (networks.Count == 0)
        {
            return;
        }

        // After every Configure, so ASP.NET Core's own FORWARDEDHEADERS_ENABLED set-up, which trusts every sender,
        // cannot clear the list: when both are set, this list is what counts.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = null;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(network);
            }
        });
    }

    /// <summary>Whether <see cref="AddTo"/> configured proxies, so the pipeline reads forwarded headers.</summary>
    public static bool Configured(IConfiguration configuration) => Parse(Setting(configuration)).Count > 0;

    private static string? Setting(IConfiguration configuration) =>
        configuration.GetSection(GatehouseOptions.Section)[nameof(GatehouseOptions.TrustedProxies)];

    private static IPNetwork ParseEntry(string entry)
    {
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(entry, out var network)
                ? network
                : throw new InvalidOperationException($"Gatehouse:TrustedProxies: '{entry}' is not a network in CIDR notation (such as 10.0.0.0/8).");
        }

        return IPAddress.TryParse(entry, out var address)
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : throw new InvalidOperationException($"Gatehouse:TrustedProxies: '{entry}' is not an IP address or a CIDR network.");
    }
}
