using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Hosting;

namespace Gatehouse.Server.Cli;

/// <summary><c>gatehouse scan</c>: asks a running server, as the device would, and prints the decision.</summary>
public static class ScanCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args, "device", "credential", "server", "secret", "direction", "request-id");
        if (!long.TryParse(options["device"], out var device) || options["credential"] is not { Length: > 0 } credential)
        {
            await Console.Error.WriteLineAsync("Usage: " + GatehouseCommand.Usage);
            return 2;
        }

        var secret = options["secret"] ?? Environment.GetEnvironmentVariable("GATEHOUSE_DEVICE_SECRET");
        if (secret is null)
        {
            await Console.Error.WriteLineAsync("Give the device's secret with --secret or GATEHOUSE_DEVICE_SECRET.");
            return 2;
        }

        var server = new Uri(options["server"] ?? "http://localhost:5080");
        using var http = new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", $"{device}:{secret}");
        var body = new Dictionary<string, object?>
        {
            ["requestId"] = options["request-id"] ?? Guid.NewGuid().ToString("N"),
            ["credential"] = credential,
            ["direction"] = options["direction"],
        };
        try
        {
            using var response = await http.PostAsJsonAsync($"/api/v1/devices/{device}/scan", body, JsonDefaults.Options);
            var text = await response.Content.ReadAsStringAsync();
            using var json = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
            Console.WriteLine(JsonSerializer.Serialize(json.RootElement, JsonDefaults.Indented));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"Cannot reach {server}: {e.Message}");
            return 1;
        }
    }
}
