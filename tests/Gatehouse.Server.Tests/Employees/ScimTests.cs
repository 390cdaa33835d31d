using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;
using Gatehouse.Server.Tests.Visitors;

namespace Gatehouse.Server.Tests.Employees;

/// <summary>SCIM 2.0 provisioning of employees by an identity provider (R-EMP-06), with the organization's own token.</summary>
public sealed class ScimTests
{
    private const string ErrorSchema = "urn:ietf:params:scim:api:messages:2.0:Error";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-EMP-06
    [Theory, MemberData(nameof(Providers))]
    public async Task Scim_create_then_patch_active_false_denies_the_very_next_scan(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        using var scim = await ScimClientAsync(host, await EmployeeSetup.CompanyAsync(host, "Acme", "Acme employees"));

        using var created = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", User("ada@acme.example", "Ada", "Lovelace"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("application/scim+json", created.Content.Headers.ContentType?.MediaType);
        var user = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:ietf:params:scim:schemas:core:2.0:User", user.GetProperty("schemas")[0].GetString());
        Assert.True(user.GetProperty("active").GetBoolean());
        var id = user.GetProperty("id").GetString()!;

        var app = await EmployeeSetup.EnrolAsync(host, long.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, EmployeeSetup.Code(app, host.Time.GetUtcNow()))));

        using var patched = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"active","value":false}]}""");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.False((await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());

        var denied = await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, EmployeeSetup.Code(app, host.Time.GetUtcNow()));
        Assert.Equal("Denied", OfficeHost.Outcome(denied));
        Assert.Contains("PersonInactive", OfficeHost.Codes(denied));
    }

    // R-EMP-06
    [Theory, MemberData(nameof(Providers))]
    public async Task Scim_filter_replace_patch_delete_and_errors_follow_the_protocol(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var acme = await EmployeeSetup.CompanyAsync(host, "Acme", "Acme employees");
        using var scim = await ScimClientAsync(host, acme);
        using (var created = await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", User("ada@acme.example", "Ada", "Lovelace")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var list = await scim.GetAsync("/scim/v2/Users?filter=" + Uri.EscapeDataString("userName eq \"ada@acme.example\""));
        var page = await list.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, page.GetProperty("totalResults").GetInt32());
        Assert.Equal("urn:ietf:params:scim:api:messages:2.0:ListResponse", page.GetProperty("schemas")[0].GetString());
        var id = page.GetProperty("Resources")[0].GetProperty("id").GetString();
        using var none = await scim.GetAsync("/scim/v2/Users?filter=" + Uri.EscapeDataString("userName eq \"nobody@acme.example\""));
        Assert.Equal(0, (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totalResults").GetInt32());
        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Users?filter=" + Uri.EscapeDataString("title co \"x\"")), HttpStatusCode.BadRequest, "invalidFilter");

        await AssertErrorAsync(await SendAsync(scim, HttpMethod.Post, "/scim/v2/Users", User("ada@acme.example", "Ada", "Again")), HttpStatusCode.Conflict, "uniqueness");

        using var replaced = await SendAsync(scim, HttpMethod.Put, $"/scim/v2/Users/{id}", User("ada@acme.example", "Augusta", "King"));
        var after = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Augusta", after.GetProperty("name").GetProperty("givenName").GetString());

        // Entra ID style: no path, capitalised op, boolean as a string.
        using var patched = await SendAsync(scim, HttpMethod.Patch, $"/scim/v2/Users/{id}",
            """{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"Replace","value":{"active":"False"}}]}""");
        Assert.False((await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());

        using (var deleted = await scim.DeleteAsync($"/scim/v2/Users/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await AssertErrorAsync(await scim.GetAsync($"/scim/v2/Users/{id}"), HttpStatusCode.NotFound, null);

        using var anonymous = host.Factory.CreateClient();
        await AssertErrorAsync(await anonymous.GetAsync("/scim/v2/Users"), HttpStatusCode.Unauthorized, null);
        using var rotated = await ScimClientAsync(host, acme); // rotation revokes the first token at once
        await AssertErrorAsync(await scim.GetAsync("/scim/v2/Users"), HttpStatusCode.Unauthorized, null);
        Assert.Equal(HttpStatusCode.OK, (await rotated.GetAsync("/scim/v2/Users")).StatusCode);
    }

    private static async Task<HttpClient> ScimClientAsync(OfficeHost host, long company)
    {
        using var response = await host.Admin.PostAsJsonAsync("/api/v1/scim/token", new { companyId = company }, OfficeHost.Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        var client = host.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static string User(string userName, string given, string family) => JsonSerializer.Serialize(new
    {
        schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" },
        userName,
        externalId = "idp-" + userName,
        name = new { givenName = given, familyName = family },
        emails = new[] { new { value = userName, type = "work", primary = true } },
        active = true,
    });

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/scim+json") });

    private static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string? scimType)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
            var error = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(ErrorSchema, error.GetProperty("schemas")[0].GetString());
            Assert.Equal(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.GetProperty("status").GetString());
            if (scimType is not null)
            {
                Assert.Equal(scimType, error.GetProperty("scimType").GetString());
            }
        }
    }
}
