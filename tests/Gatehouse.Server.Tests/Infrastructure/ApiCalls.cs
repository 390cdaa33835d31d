using System.Text.Json;

namespace Gatehouse.Server.Tests.Infrastructure;

/// <summary>Admin API calls in tests that must succeed: the body as JSON, or a failure showing the status and problem.</summary>
public static class ApiCalls
{
    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
