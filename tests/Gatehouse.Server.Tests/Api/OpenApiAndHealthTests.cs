using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Api;

public sealed class OpenApiAndHealthTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-OPS-06
    [Theory, MemberData(nameof(Providers))]
    public async Task The_openapi_document_describes_the_device_admin_and_report_endpoints(string provider)
    {
        await using var site = await TestSite.StartAsync(provider, seed: false);
        var document = await site.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.Equal("Gatehouse API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[]
        {
            "/api/v1/devices/{id}/scan", "/api/v1/devices/{id}/pre-verify", "/api/v1/devices/{id}/heartbeat", "/api/v1/auth/token",
            "/api/v1/access-logics", "/api/v1/access-logics/{id}", "/api/v1/people", "/api/v1/people/{personId}/credentials",
            "/api/v1/events", "/api/v1/events/export.csv", "/api/v1/events/counts", "/api/v1/visits/today", "/api/v1/people/import",
            "/api/v1/sites", "/api/v1/zones", "/api/v1/devices", "/api/v1/devices/{id}/secret",
        })
        {
            Assert.Contains(path, paths);
        }

        var outcome = document.GetProperty("components").GetProperty("schemas").GetProperty("Outcome");
        Assert.Contains("Granted", outcome.GetRawText());

        // The throttled calls say they can answer 429 (SignInThrottle, UnknownDeviceThrottle).
        foreach (var path in new[] { "/api/v1/devices/{id}/scan", "/api/v1/auth/token", "/api/v1/auth/login" })
        {
            var responses = document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("responses");
            Assert.True(responses.TryGetProperty("429", out _), path);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Health_says_alive_and_ready_once_the_database_answers(string provider)
    {
        await using var site = await TestSite.StartAsync(provider, seed: false);
        Assert.Equal(HttpStatusCode.OK, (await site.Client.GetAsync("/healthz")).StatusCode);
        var ready = await site.Client.GetFromJsonAsync<JsonElement>("/readyz");
        Assert.True(ready.GetProperty("ready").GetBoolean());
        Assert.True(ready.GetProperty("indexLoaded").GetBoolean());
    }
}
