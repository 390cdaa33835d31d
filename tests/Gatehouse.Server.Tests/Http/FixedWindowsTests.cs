using System.Net;
using Gatehouse.Server.Http;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Server.Tests.Http;

/// <summary>The throttles' counting (R-OPS-01, R-DEC-03): fixed windows per key, and a table that anonymous callers cannot grow without bound.</summary>
public sealed class FixedWindowsTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // R-OPS-01
    [Fact]
    public void A_key_is_refused_at_its_limit_until_its_window_ends_then_starts_afresh()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var windows = new FixedWindows(time, Minute);
        windows.Count("a");
        time.Advance(TimeSpan.FromSeconds(20));
        windows.Count("a");
        Assert.Null(windows.Wait("a", 3));
        windows.Count("a");
        Assert.Equal(TimeSpan.FromSeconds(40), windows.Wait("a", 3));
        Assert.Null(windows.Wait("b", 3));

        // Half-open: at the window's end the key may go on, and its next count opens a new window.
        time.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(windows.Wait("a", 3));
        windows.Count("a");
        Assert.Null(windows.Wait("a", 2));
        windows.Count("a");
        Assert.Equal(Minute, windows.Wait("a", 2));
    }

    // R-OPS-01
    [Fact]
    public void Past_the_key_cap_new_keys_share_one_window_and_known_keys_keep_theirs()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var windows = new FixedWindows(time, Minute);
        for (var i = 0; i < FixedWindows.MaxKeys; i++)
        {
            windows.Count("key-" + i);
        }

        windows.Count("new-1");
        Assert.Equal(Minute, windows.Wait("new-2", 1));
        Assert.Null(windows.Wait("key-7", 2));

        // Once those windows are over, a sweep frees the table and new keys count on their own again.
        time.Advance(Minute);
        windows.Count("fresh");
        Assert.Null(windows.Wait("other", 1));
        Assert.Equal(Minute, windows.Wait("fresh", 1));
    }

    // R-OPS-01, R-DEC-03
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:fffe", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void A_client_is_counted_by_its_ipv4_address_or_its_ipv6_network(string address, string key) =>
        Assert.Equal(key, ClientNetwork.KeyOf(IPAddress.Parse(address)));
}
