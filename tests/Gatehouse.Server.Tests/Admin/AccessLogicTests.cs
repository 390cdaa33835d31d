using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Admin;

/// <summary>R-GYM-01: access logic definitions over the API.</summary>
public sealed class AccessLogicTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-GYM-01
    [Theory, MemberData(nameof(Providers))]
    public async Task Logics_are_listed_created_from_a_preset_edited_with_a_new_version_and_deleted(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymOwner);
        var presets = await admin.GetFromJsonAsync<JsonElement>("/api/v1/access-logic-presets");
        Assert.Contains(presets.EnumerateArray(), p => p.GetProperty("key").GetString() == "gym-single-reader");
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/access-logics")).GetArrayLength());

        using var created = await admin.PostAsJsonAsync("/api/v1/access-logics", new { preset = "gym-single-reader", name = "Sauna reader" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var logic = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = logic.GetProperty("id").GetInt64();
        Assert.Equal("Sauna reader", logic.GetProperty("name").GetString());
        Assert.Equal(1, logic.GetProperty("version").GetInt32());
        Assert.Equal(TestSite.Start, logic.GetProperty("createdAt").GetDateTimeOffset());

        site.Time.Advance(TimeSpan.FromHours(1));
        using var edited = await admin.PutAsJsonAsync($"/api/v1/access-logics/{id}", new { name = "Sauna reader (women)", checks = new { allowedGenders = new[] { "Female" } } });
        var after = await edited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, after.GetProperty("version").GetInt32());
        Assert.Equal("Female", after.GetProperty("checks").GetProperty("allowedGenders")[0].GetString());
        Assert.True(after.GetProperty("modifiedAt").GetDateTimeOffset() > after.GetProperty("createdAt").GetDateTimeOffset());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/access-logics/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/access-logics/{id}")).StatusCode);
    }

    // R-GYM-01
    [Theory, MemberData(nameof(Providers))]
    public async Task Deleting_a_logic_in_use_is_refused_with_a_409_problem(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var device = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/devices/{site.Device("gym-entry")}");
        using var response = await admin.DeleteAsync($"/api/v1/access-logics/{device.GetProperty("logicId").GetInt64()}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("device", problem.GetProperty("detail").GetString());
    }

    // R-GYM-01, R-DEC-02
    [Theory, MemberData(nameof(Providers))]
    public async Task An_edit_reaches_the_scan_path_at_once_and_decisions_name_the_new_version(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        var device = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/devices/{site.Device("gym-reader")}");
        var logicId = device.GetProperty("logicId").GetInt64();
        using var edited = await admin.PutAsJsonAsync($"/api/v1/access-logics/{logicId}", new { checks = new { allowedGenders = new[] { "Male" } } });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var answer = await site.ScanAsync("gym-reader", DemoData.GymReaderSecret, DemoData.CardActive);
        Assert.Equal("Denied", answer.GetProperty("outcome").GetString());
        Assert.Contains("GenderNotAllowed", Devices.ScanTests.Codes(answer));
        Assert.Equal(2, answer.GetProperty("logic").GetProperty("version").GetInt32());
    }

    // R-GYM-01, R-OPS-03
    [Theory, MemberData(nameof(Providers))]
    public async Task An_unknown_preset_or_impossible_settings_are_400_problems(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/access-logics", new { preset = "moon-gate" })).StatusCode);
        using var impossible = await admin.PostAsJsonAsync("/api/v1/access-logics", new { name = "X", advanced = new { externalAccessAllowed = true } });
        Assert.Equal(HttpStatusCode.BadRequest, impossible.StatusCode);
        Assert.Equal(3, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/access-logics")).GetArrayLength());
    }
}
