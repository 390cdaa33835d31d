using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Devices;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Admin;

/// <summary>Entrance products and questionnaire results through the admin API: written, read, and seen by the next scan.</summary>
public sealed class ProductApiTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-GYM-07, R-OPS-06
    [Theory, MemberData(nameof(Providers))]
    public async Task A_sauna_product_sold_through_the_api_opens_the_sauna_until_its_entries_are_used(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymOwner);
        var siteId = site.Demo.Sites["gym-downtown"].Value;
        var zone = await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/zones", new { siteId, name = "Sauna", type = "Sauna", capacity = 12 }));
        var logic = await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/access-logics", new { preset = "gym-entry-gate", name = "Sauna door" }));
        var created = await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/devices", new
        {
            siteId, zoneId = zone.GetProperty("id").GetInt64(), name = "Sauna door", kind = "Door", direction = "In", mode = "Automatic",
            logicId = logic.GetProperty("id").GetInt64(),
        }));
        var door = created.GetProperty("device").GetProperty("id").GetInt64();
        var secret = created.GetProperty("secret").GetProperty("secret").GetString()!;
        var person = (await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/people", new { firstName = "Saga", lastName = "Steam", gender = "Female" }))).GetProperty("id").GetInt64();
        await ApiCalls.OkAsync(admin.PostAsJsonAsync($"/api/v1/people/{person}/credentials", new { kind = "Card", value = "S-1" }));

        var product = await ApiCalls.OkAsync(admin.PostAsJsonAsync($"/api/v1/people/{person}/products", new { name = "1 sauna entry", zoneTypes = new[] { "Sauna" }, remainingEntries = 1 }));
        var productId = product.GetProperty("id").GetInt64();
        var first = await ScanAsync(site, door, secret, "s1");
        var used = await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/products/{productId}"));
        await LeaveAsync(site, admin, person, siteId);
        var second = await ScanAsync(site, door, secret, "s2");
        await ApiCalls.OkAsync(admin.PutAsJsonAsync($"/api/v1/products/{productId}", new { name = "5 sauna entries", zoneTypes = new[] { "Sauna" }, remainingEntries = 5 }));
        var toppedUp = await ScanAsync(site, door, secret, "s3");

        Assert.Equal("Granted", first.GetProperty("outcome").GetString());
        Assert.Equal(0, used.GetProperty("remainingEntries").GetInt32());
        Assert.Equal("Denied", second.GetProperty("outcome").GetString());
        Assert.Contains("NoEntrancesLeft", ScanTests.Codes(second));
        Assert.Equal("Granted", toppedUp.GetProperty("outcome").GetString());
        var listed = Assert.Single((await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/people/{person}/products"))).EnumerateArray());
        Assert.Equal(4, listed.GetProperty("remainingEntries").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/products/{productId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/products/{productId}")).StatusCode);
        Assert.Empty(site.Store.Index.FindEntitlements(new PersonId(person))!.Products);
    }

    // R-EMP-04, R-OPS-06
    [Theory, MemberData(nameof(Providers))]
    public async Task A_questionnaire_recorded_through_the_api_reaches_the_index_and_can_be_withdrawn(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymOwner);
        var person = (await ApiCalls.OkAsync(admin.PostAsJsonAsync("/api/v1/people", new { firstName = "Quinn", lastName = "Query" }))).GetProperty("id").GetInt64();

        var answered = await ApiCalls.OkAsync(admin.PostAsJsonAsync($"/api/v1/people/{person}/questionnaires", new { date = "2026-03-04", passed = true }));
        var inIndex = site.Store.Index.FindEntitlements(new PersonId(person))!.Questionnaires;
        var listed = await ApiCalls.OkAsync(admin.GetAsync($"/api/v1/people/{person}/questionnaires"));
        var withdrawn = await admin.DeleteAsync($"/api/v1/questionnaires/{answered.GetProperty("id").GetInt64()}");

        Assert.Equal(new QuestionnaireResult(new QuestionnaireId(answered.GetProperty("id").GetInt64()), new PersonId(person), new DateOnly(2026, 3, 4), true), Assert.Single(inIndex));
        Assert.Equal("2026-03-04", Assert.Single(listed.EnumerateArray()).GetProperty("date").GetString());
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);
        Assert.Empty(site.Store.Index.FindEntitlements(new PersonId(person))!.Questionnaires);
    }

    // R-OPS-03: each is a 400 problem naming the field, and nothing is stored.
    [Theory]
    [InlineData("""{"name":"Sauna","zoneTypes":["Sauna"],"remainingEntries":-1}""", "remainingEntries")]
    [InlineData("""{"name":"Sauna","zoneTypes":[],"remainingEntries":3}""", "zoneTypes")]
    [InlineData("""{"name":"Sauna","zoneTypes":["Sauna"]}""", "remainingEntries")]
    [InlineData("""{"name":" ","zoneTypes":["Sauna"],"remainingEntries":3}""", "name")]
    [InlineData("""{"name":"Sauna","zoneTypes":["Sauna"],"remainingEntries":3,"validFrom":"2026-03-05T00:00:00Z","validUntil":"2026-03-01T00:00:00Z"}""", "valid")]
    [InlineData("""{"name":"Sauna","zoneTypes":["Sauna"],"remainingEntries":3,"validFrom":"2026-03-05T00:00:00Z"}""", "valid")]
    [InlineData("""{"name":"Sauna","zoneTypes":["Steam room"],"remainingEntries":3}""", "zoneTypes")]
    public Task A_product_with_bad_input_is_refused_and_not_stored(string body, string field) =>
        AssertRefusedAsync(anna => $"/api/v1/people/{anna}/products", body, field, anna => $"/api/v1/people/{anna}/products");

    // R-OPS-03, R-EMP-04: both routes that record a questionnaire need its day and its result.
    [Theory]
    [InlineData("people", """{"passed":true}""", "date")]
    [InlineData("people", """{"date":"2026-03-04"}""", "passed")]
    [InlineData("employees", """{"passed":true}""", "date")]
    public Task A_questionnaire_without_its_date_or_result_is_refused_and_not_stored(string route, string body, string field) =>
        AssertRefusedAsync(anna => $"/api/v1/{route}/{anna}/questionnaires", body, field, anna => $"/api/v1/people/{anna}/questionnaires");

    /// <summary>Posts <paramref name="body"/> for Anna: a 400 problem naming <paramref name="field"/>, and Anna's list still empty.</summary>
    private static async Task AssertRefusedAsync(Func<long, string> post, string body, string field, Func<long, string> list)
    {
        await using var site = await TestSite.StartAsync(TestDatabases.Sqlite);
        using var admin = await site.SignInAsync(DemoData.GymOwner);
        var anna = site.Person("anna");

        using var response = await admin.PostAsync(post(anna), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, problem, StringComparison.Ordinal);
        Assert.Empty((await ApiCalls.OkAsync(admin.GetAsync(list(anna)))).EnumerateArray());
    }

    private static async Task<JsonElement> ScanAsync(TestSite site, long device, string secret, string requestId)
    {
        using var response = await site.PostScanAsync(device, secret, new { requestId, credential = "S-1" });
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Out of the club and past the door's double-scan lock, so the next scan is a fresh entry.</summary>
    private static async Task LeaveAsync(TestSite site, HttpClient admin, long person, long siteId)
    {
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/people/{person}/presence/{siteId}")).StatusCode);
        site.Time.Advance(TimeSpan.FromMinutes(5));
    }
}
