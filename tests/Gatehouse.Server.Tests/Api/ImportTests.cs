using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Api;

/// <summary>R-OPS-05: CSV import with a per-row report.</summary>
public sealed class ImportTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-OPS-05
    [Theory, MemberData(nameof(Providers))]
    public async Task Members_passes_and_cards_import_and_every_rejected_row_says_why(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        const string csv = """
            first_name,last_name,email,card,pass_name,pass_from,pass_until
            Mia,Import,mia@example.com,5001,Unlimited,2026-01-01,2027-01-01
            "Noor, Jr.",Import,,5002,,,
            ,Nameless,,5003,,,
            Olga,Dupe,,1001,,,
            Piet,Leap,,5004,Unlimited,2026-02-30,2026-12-01
            Quinn,Backwards,,5005,Unlimited,2026-06-01,2026-01-01
            Rosa,Twice,,5001,,,
            Sam,Wrong,not-an-email,5006,,,
            """;
        using var response = await admin.PostAsync("/api/v1/people/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        Assert.Equal(6, report.GetProperty("rejected").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("line").GetInt32());
        Assert.Contains("first_name", rows[4].GetProperty("errors")[0].GetString());
        Assert.Contains("1001", rows[5].GetProperty("errors")[0].GetString());
        Assert.Contains("2026-02-30", rows[6].GetProperty("errors")[0].GetString());
        Assert.Contains("before", rows[7].GetProperty("errors")[0].GetString());
        Assert.Contains("5001", rows[8].GetProperty("errors")[0].GetString());
        Assert.Contains("email", rows[9].GetProperty("errors")[0].GetString());

        // The imported member passes at once; rejected rows left nothing behind.
        var answer = await site.ScanAsync("gym-entry", DemoData.GymEntryGateSecret, "5001");
        Assert.Equal("Granted", answer.GetProperty("outcome").GetString());
        var people = await site.Store.ListPeopleAsync(site.Demo.Organizations["gym"], "Import");
        Assert.Equal(new[] { "Mia", "Noor, Jr." }, people.Select(p => p.FirstName).Order().ToArray());
        Assert.Empty(await site.Store.ListPeopleAsync(site.Demo.Organizations["gym"], "Backwards"));
    }

    // R-OPS-05, R-OPS-03
    [Theory, MemberData(nameof(Providers))]
    public async Task A_bad_header_rejects_the_file_and_a_receptionist_cannot_import(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        using var admin = await site.SignInAsync(DemoData.GymAdmin);
        using var response = await admin.PostAsync("/api/v1/people/import", new StringContent("name,shoe_size\nA,42\n", Encoding.UTF8, "text/csv"));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, report.GetProperty("accepted").GetInt32());
        Assert.Contains("shoe_size", report.GetProperty("rows")[0].GetProperty("errors").GetRawText());
        using var json = await admin.PostAsJsonAsync("/api/v1/people/import", new { csv = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);

        using var desk = await site.SignInAsync(DemoData.GymReceptionist);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsync("/api/v1/people/import", new StringContent("first_name,last_name\nA,B\n", Encoding.UTF8, "text/csv"))).StatusCode);
    }
}
