using System.Net.Http.Json;
using System.Text.Json;

namespace Gatehouse.Browser.Tests;

/// <summary>A device scanning a card through the device API, as a reader would (R-OPS-02 device secret).</summary>
public static class DeviceScans
{
    private static readonly HttpClient Http = new();

    public static async Task<JsonElement> ScanAsync(string baseUrl, long device, string secret, string card)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/v1/devices/{device}/scan")
        {
            Content = JsonContent.Create(new { credential = card }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", $"Device {device}:{secret}");
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Scan failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
