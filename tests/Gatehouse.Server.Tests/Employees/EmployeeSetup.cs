using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Engine.Credentials;
using Gatehouse.Server.Tests.Visitors;

namespace Gatehouse.Server.Tests.Employees;

/// <summary>Companies, employees and rotating codes in the demo tower, through the admin API.</summary>
public static class EmployeeSetup
{
    public static async Task<long> CompanyAsync(OfficeHost host, string name, string levelName)
    {
        var level = (await host.Store.ListLevelsAsync(host.Org)).Single(l => l.Name == levelName);
        using var response = await host.Admin.PostAsJsonAsync("/api/v1/companies", new { name, levelId = level.Id.Value }, OfficeHost.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> EmployeeAsync(OfficeHost host, string firstName, string email, long? companyId, bool? conditionalAccess = null)
    {
        using var response = await host.Admin.PostAsJsonAsync("/api/v1/employees", new { firstName, lastName = "Tester", email, companyId, conditionalAccess }, OfficeHost.Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Enrols the employee's app: what it keeps is the credential value and the secret from the otpauth URI.</summary>
    public static async Task<(string Value, byte[] Secret)> EnrolAsync(OfficeHost host, long personId)
    {
        using var response = await host.Admin.PostAsync($"/api/v1/employees/{personId}/enrolment", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var enrolment = await response.Content.ReadFromJsonAsync<JsonElement>();
        var uri = new Uri(enrolment.GetProperty("otpAuthUri").GetString()!);
        var secret = uri.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("secret=", StringComparison.Ordinal))["secret=".Length..];
        return (enrolment.GetProperty("credentialValue").GetString()!, Base32.Decode(secret));
    }

    /// <summary>What the app shows at <paramref name="at"/>: computed offline from the secret, no call to the server.</summary>
    public static string Code((string Value, byte[] Secret) app, DateTimeOffset at) => RotatingQrCode.Issue(app.Value, app.Secret, at);
}
