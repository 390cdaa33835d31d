using System.Net;
using System.Net.Http.Json;
using Gatehouse.Server.Hosting;
using Gatehouse.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Server.Tests.Http;

/// <summary>
/// R-OPS-01: the sign-in throttle counts clients by address, so behind a reverse proxy the address comes from
/// <c>X-Forwarded-For</c>, but only when the TCP peer is a proxy named in <c>Gatehouse:TrustedProxies</c>: anyone
/// else could put a new address in that header for every guess.
/// </summary>
public sealed class TrustedProxiesTests
{
    private const int PerAddress = 50;
    private const string Proxy = "10.0.0.1";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>Each database, with and without ASP.NET Core's own switch, which alone would believe anyone.</summary>
    public static TheoryData<string, bool> ProvidersAndSwitch
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var provider in TestDatabases.Providers)
            {
                data.Add(provider, false);
                data.Add(provider, true);
            }

            return data;
        }
    }

    public static TheoryData<string, string[]> Settings => new()
    {
        { "10.0.0.5", ["10.0.0.5/32"] },
        { "10.0.0.5, 192.168.10.0/24", ["10.0.0.5/32", "192.168.10.0/24"] },
        { " 2001:db8::/48;::1 ", ["2001:db8::/48", "::1/128"] },
        { "10.1.2.3/8", ["10.0.0.0/8"] },
        { "", [] },
    };

    // R-OPS-01
    [Theory, MemberData(nameof(Settings))]
    public void Reads_addresses_and_networks_separated_by_commas_spaces_or_semicolons(string setting, string[] expected) =>
        Assert.Equal(expected, TrustedProxies.Parse(setting).Select(n => n.ToString()));

    // R-OPS-01
    [Theory]
    [InlineData("10.0.0.300")]
    [InlineData("10.0.0.0/33")]
    [InlineData("proxy.example.com")]
    public void A_malformed_entry_is_refused_naming_it(string entry)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TrustedProxies.Parse("10.0.0.5, " + entry));
        Assert.Contains($"'{entry}'", error.Message, StringComparison.Ordinal);
    }

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task Through_a_trusted_proxy_each_client_address_is_counted_apart(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await using var proxied = Behind(site);
        using var client = proxied.CreateClient();
        for (var i = 0; i < PerAddress; i++)
        {
            using var wrong = await SignInAsync(client, peer: Proxy, forwardedFor: "203.0.113.7", $"nobody-{i}@example.com");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var refused = await SignInAsync(client, Proxy, "203.0.113.7", "nobody@example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var other = await SignInAsync(client, Proxy, "198.51.100.20", "nobody@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    // R-OPS-01
    [Theory, MemberData(nameof(ProvidersAndSwitch))]
    public async Task A_forwarded_address_from_an_untrusted_peer_is_ignored(string provider, bool aspNetSwitch)
    {
        await using var site = await TestSite.StartAsync(provider);
        await using var proxied = Behind(site, aspNetSwitch);
        using var client = proxied.CreateClient();
        for (var i = 0; i < PerAddress; i++)
        {
            using var wrong = await SignInAsync(client, peer: "192.0.2.9", forwardedFor: $"198.51.100.{i}", $"nobody-{i}@example.com");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        // A new forwarded address does not help: the peer itself is counted.
        using var refused = await SignInAsync(client, "192.0.2.9", "198.51.100.200", "nobody@example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        // The same client through the proxy is the same client; another peer has its own count.
        using var throughProxy = await SignInAsync(client, Proxy, "192.0.2.9", "nobody@example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, throughProxy.StatusCode);
        using var otherPeer = await SignInAsync(client, "192.0.2.10", "198.51.100.200", "nobody@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, otherPeer.StatusCode);
    }

    private static Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Behind(TestSite site, bool aspNetSwitch = false) =>
        site.Factory.WithWebHostBuilder(b => b
            .UseSetting("Gatehouse:TrustedProxies", Proxy)
            .UseSetting("FORWARDEDHEADERS_ENABLED", aspNetSwitch ? "true" : "false")
            .ConfigureServices(services => services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, PeerFromTestHeader>())));

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string peer, string forwardedFor, string username)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username, password = "guess" }) };
        request.Headers.Add(PeerFromTestHeader.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    /// <summary>
    /// The in-memory test server has no TCP peer: each request names the one it stands for. The first startup
    /// filter, so it runs before any other middleware, as the connection's address would be there.
    /// </summary>
    private sealed class PeerFromTestHeader : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].ToString());
                return then(context);
            });
            next(app);
        };
    }
}
