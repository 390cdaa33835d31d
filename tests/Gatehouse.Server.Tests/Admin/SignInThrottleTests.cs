using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Gatehouse.Server.Tests.Admin;

/// <summary>
/// R-OPS-01: failed staff sign-ins are limited per username (10 in 15 minutes by default) and per client address
/// (50), so passwords cannot be guessed at the speed of the server, and a refused attempt costs no password hash.
/// </summary>
public sealed class SignInThrottleTests
{
    private const int PerUsername = 10;
    private const int PerAddress = 50;

    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task Ten_failed_sign_ins_refuse_the_username_with_429_until_the_window_ends(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await FailAsync(site, DemoData.GymAdmin, PerUsername);

        // The right password is refused too while the window lasts: it is not even checked.
        using var refused = await TokenAsync(site, DemoData.GymAdmin, DemoData.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), refused.Headers.RetryAfter?.Delta);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://gatehouse.dev/problems/toomanyrequests", problem.GetProperty("type").GetString());
        Assert.Equal(900, problem.GetProperty("retryAfterSeconds").GetInt64());

        using var browser = site.Factory.CreateClient(new() { HandleCookies = true });
        using var cookie = await browser.PostAsJsonAsync("/api/v1/auth/login", new { username = DemoData.GymAdmin, password = DemoData.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, cookie.StatusCode);

        site.Time.Advance(TimeSpan.FromMinutes(10));
        using var later = await TokenAsync(site, DemoData.GymAdmin, DemoData.Password);
        Assert.Equal(TimeSpan.FromMinutes(5), later.Headers.RetryAfter?.Delta);

        site.Time.Advance(TimeSpan.FromMinutes(5));
        using var after = await TokenAsync(site, DemoData.GymAdmin, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task A_refused_username_leaves_other_staff_signing_in(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await FailAsync(site, DemoData.GymAdmin, PerUsername);

        using var other = await TokenAsync(site, DemoData.StudioReceptionist, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var refused = await TokenAsync(site, DemoData.GymAdmin, DemoData.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task A_right_password_clears_the_usernames_failures(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await FailAsync(site, DemoData.GymAdmin, PerUsername - 1);
        using var first = await TokenAsync(site, DemoData.GymAdmin, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        await FailAsync(site, DemoData.GymAdmin, PerUsername - 1);
        using var second = await TokenAsync(site, DemoData.GymAdmin, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task Failed_sign_ins_from_one_address_refuse_that_address_whatever_the_username(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        for (var i = 0; i < PerAddress; i++)
        {
            // Unknown usernames: each costs the server no hash, so only the address counts them.
            using var unknown = await TokenAsync(site, $"nobody-{i}@example.com", "guess");
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        using var refused = await TokenAsync(site, DemoData.StudioReceptionist, DemoData.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);

        site.Time.Advance(TimeSpan.FromMinutes(15));
        using var after = await TokenAsync(site, DemoData.StudioReceptionist, DemoData.Password);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    // R-OPS-01: behind a reverse proxy, with ASP.NET Core's forwarded headers on, each client is counted by its own
    // address, not the proxy's.
    [Theory, MemberData(nameof(Providers))]
    public async Task Behind_a_proxy_with_forwarded_headers_on_each_client_address_is_counted_apart(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        await using var proxied = site.Factory.WithWebHostBuilder(b => b.UseSetting("FORWARDEDHEADERS_ENABLED", "true"));
        using var client = proxied.CreateClient();
        for (var i = 0; i < PerAddress; i++)
        {
            using var unknown = await ForwardedTokenAsync(client, "203.0.113.7", $"nobody-{i}@example.com");
            Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        }

        using var refused = await ForwardedTokenAsync(client, "203.0.113.7", "nobody@example.com");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        using var other = await ForwardedTokenAsync(client, "198.51.100.20", "nobody@example.com");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    private static Task<HttpResponseMessage> ForwardedTokenAsync(HttpClient client, string forwardedFor, string username)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { username, password = "guess" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return client.SendAsync(request);
    }

    private static async Task FailAsync(TestSite site, string username, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var wrong = await TokenAsync(site, username, "wrong-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
    }

    private static Task<HttpResponseMessage> TokenAsync(TestSite site, string username, string password) =>
        site.Client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
}
