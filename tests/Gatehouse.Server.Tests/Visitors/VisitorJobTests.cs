using System.Net;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Visitors;

/// <summary>
/// The timed rules on both sides of their boundaries, on the fake clock. The meeting is 10:00–11:00 London time
/// (GMT in March), so credentials go at 13:00 unless the visitor is still checked in.
/// </summary>
public sealed class VisitorJobTests
{
    private static readonly DateTimeOffset RemovalAt = OfficeHost.Start.AddHours(4);

    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-VIS-08
    [Theory, MemberData(nameof(Providers))]
    public async Task Credentials_are_removed_two_hours_after_the_meeting_and_not_a_second_before(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync();
        var id = visitor.GetProperty("id").GetInt64();
        Assert.Equal(RemovalAt, Job(visitor, "RemoveCredentials").GetProperty("dueAt").GetDateTimeOffset());

        host.Time.SetUtcNow(RemovalAt.AddSeconds(-1));
        await host.RunJobsAsync();
        Assert.Equal(1, (await host.GetVisitorAsync(id)).GetProperty("credentials").GetArrayLength());

        host.Time.SetUtcNow(RemovalAt);
        await host.RunJobsAsync();
        var after = await host.GetVisitorAsync(id);
        Assert.Equal(0, after.GetProperty("credentials").GetArrayLength());
        Assert.Equal(1, Job(after, "RemoveCredentials").GetProperty("attempts").GetInt32());
        Assert.Contains("UnknownCredential", OfficeHost.Codes(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, visitor.GetProperty("qrCode").GetString()!)));
    }

    // R-VIS-08
    [Theory, MemberData(nameof(Providers))]
    public async Task Visitor_still_checked_in_keeps_credentials_past_the_removal_time_until_check_out(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync();
        var id = visitor.GetProperty("id").GetInt64();
        host.Time.Advance(TimeSpan.FromMinutes(65)); // 10:05, inside the meeting window
        (await host.PostAsync($"/api/v1/visitors/{id}/check-in")).EnsureSuccessStatusCode();

        host.Time.SetUtcNow(RemovalAt.AddMinutes(30));
        await host.RunJobsAsync();
        var inside = await host.GetVisitorAsync(id);
        Assert.Equal(1, inside.GetProperty("credentials").GetArrayLength());
        Assert.StartsWith("deferred", Job(inside, "RemoveCredentials").GetProperty("outcome").GetString(), StringComparison.Ordinal);

        using var checkOut = await host.PostAsync($"/api/v1/visitors/{id}/check-out");
        Assert.Equal(HttpStatusCode.OK, checkOut.StatusCode);
        Assert.Equal(0, (await host.GetVisitorAsync(id)).GetProperty("credentials").GetArrayLength());
    }

    // R-VIS-08: persisted, survives a restart, acts exactly once.
    [Theory, MemberData(nameof(Providers))]
    public async Task Pending_removal_survives_a_restart_and_runs_exactly_once(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync();
        var id = visitor.GetProperty("id").GetInt64();
        host.Time.SetUtcNow(RemovalAt.AddMinutes(-1));
        await host.RunJobsAsync();

        await host.RestartAsync();
        host.Time.SetUtcNow(RemovalAt.AddMinutes(1));
        await host.RunJobsAsync();
        await host.RunJobsAsync();
        await host.RestartAsync();
        await host.RunJobsAsync();

        var after = await host.GetVisitorAsync(id);
        var job = Job(after, "RemoveCredentials");
        Assert.Equal(1, job.GetProperty("attempts").GetInt32());
        Assert.Equal("removed 1 credential(s)", job.GetProperty("outcome").GetString());
        Assert.Equal(0, after.GetProperty("credentials").GetArrayLength());
    }

    // R-VIS-09
    [Theory, MemberData(nameof(Providers))]
    public async Task Automatic_check_out_hours_after_the_meeting_past_the_removal_time_removes_credentials_at_once(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider, ("Gatehouse:Visitors:AutoCheckOutHoursAfterMeeting", "3"));
        var visitor = await host.PreRegisterAsync();
        var id = visitor.GetProperty("id").GetInt64();
        var autoAt = OfficeHost.Start.AddHours(5);
        Assert.Equal(autoAt, Job(visitor, "AutoCheckOut").GetProperty("dueAt").GetDateTimeOffset());
        host.Time.Advance(TimeSpan.FromMinutes(65)); // 10:05, inside the meeting window
        (await host.PostAsync($"/api/v1/visitors/{id}/check-in")).EnsureSuccessStatusCode();

        host.Time.SetUtcNow(autoAt.AddSeconds(-1));
        await host.RunJobsAsync();
        var before = await host.GetVisitorAsync(id);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("checkedOutAt").ValueKind);
        Assert.Equal(1, before.GetProperty("credentials").GetArrayLength());

        host.Time.SetUtcNow(autoAt);
        await host.RunJobsAsync();
        var after = await host.GetVisitorAsync(id);
        Assert.Equal(autoAt, after.GetProperty("checkedOutAt").GetDateTimeOffset());
        Assert.Equal(0, after.GetProperty("credentials").GetArrayLength());
    }

    // R-VIS-09, R-VIS-07
    [Theory, MemberData(nameof(Providers))]
    public async Task Automatic_check_out_at_a_local_time_before_the_removal_time_keeps_the_qr_until_then(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider, ("Gatehouse:Visitors:AutoCheckOutAt", "12:00"));
        var visitor = await host.PreRegisterAsync();
        var id = visitor.GetProperty("id").GetInt64();
        var autoAt = OfficeHost.Start.AddHours(3); // 12:00 London = 12:00 UTC in March
        host.Time.Advance(TimeSpan.FromMinutes(65)); // 10:05, inside the meeting window
        (await host.PostAsync($"/api/v1/visitors/{id}/check-in")).EnsureSuccessStatusCode();
        (await host.PostAsync($"/api/v1/visitors/{id}/cards", new { number = "CARD-12" })).EnsureSuccessStatusCode();

        host.Time.SetUtcNow(autoAt.AddSeconds(-1));
        await host.RunJobsAsync();
        Assert.Equal(2, (await host.GetVisitorAsync(id)).GetProperty("credentials").GetArrayLength());

        host.Time.SetUtcNow(autoAt);
        await host.RunJobsAsync();
        var checkedOut = await host.GetVisitorAsync(id);
        Assert.Equal(autoAt, checkedOut.GetProperty("checkedOutAt").GetDateTimeOffset());
        Assert.False(Assert.Single(checkedOut.GetProperty("credentials").EnumerateArray()).GetProperty("physical").GetBoolean());

        host.Time.SetUtcNow(RemovalAt);
        await host.RunJobsAsync();
        Assert.Equal(0, (await host.GetVisitorAsync(id)).GetProperty("credentials").GetArrayLength());
    }

    internal static JsonElement Job(JsonElement visitor, string kind) =>
        visitor.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("kind").GetString() == kind);
}
