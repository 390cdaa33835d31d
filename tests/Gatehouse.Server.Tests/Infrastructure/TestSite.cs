using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Hosting;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Server.Tests.Infrastructure;

/// <summary>
/// One test's server: a fresh database (SQLite file or PostgreSQL schema), the demo organizations seeded through
/// the real store, a fake clock, and helpers to scan as a device or call the admin API as a staff user.
/// </summary>
public sealed class TestSite : IAsyncDisposable
{
    /// <summary>A Tuesday, 10:00 in Amsterdam: inside every demo contract and opening hour.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly string? _sqliteFolder;
    private readonly string? _schema;

    private TestSite(GatehouseFactory factory, FakeTimeProvider time, string? sqliteFolder, string? schema)
    {
        Factory = factory;
        Time = time;
        _sqliteFolder = sqliteFolder;
        _schema = schema;
        Client = factory.CreateClient();
    }

    public GatehouseFactory Factory { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public DemoSeedResult Demo { get; private set; } = null!;

    public IGatehouseStore Store => Factory.Services.GetRequiredService<IGatehouseStore>();

    public static JsonSerializerOptions Json => JsonDefaults.Options;

    public static async Task<TestSite> StartAsync(string provider, bool seed = true)
    {
        var time = new FakeTimeProvider(Start);
        string connectionString;
        string? folder = null;
        string? schema = null;
        if (provider == TestDatabases.Sqlite)
        {
            folder = Path.Combine(Path.GetTempPath(), "gatehouse-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            connectionString = $"Data Source={Path.Combine(folder, "gatehouse.db")}";
        }
        else
        {
            schema = "t_" + Guid.NewGuid().ToString("N")[..16];
            connectionString = await TestDatabases.CreatePostgresSchemaAsync(schema);
        }

        var site = new TestSite(new GatehouseFactory(provider, connectionString, time), time, folder, schema);
        if (seed)
        {
            var services = site.Factory.Services;
            site.Demo = await new DemoSeeder(site.Store, services.GetRequiredService<IPasswordHasher<StaffUser>>(), time).SeedAsync();
        }

        return site;
    }

    public long Device(string key) => Demo.Devices[key].Value;

    public long Person(string key) => Demo.People[key].Value;

    public long Org(string key) => Demo.Organizations[key].Value;

    /// <summary>A scan as the device sends it, with its own secret.</summary>
    public Task<HttpResponseMessage> PostScanAsync(long device, string secret, object body, string verb = "scan")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device}/{verb}")
        {
            Content = JsonContent.Create(body, options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Device", $"{device}:{secret}");
        return Client.SendAsync(request);
    }

    public async Task<JsonElement> ScanAsync(string deviceKey, string secret, string credential, string? requestId = null, string verb = "scan")
    {
        using var response = await PostScanAsync(Device(deviceKey), secret, new { requestId = requestId ?? Guid.NewGuid().ToString("N"), credential }, verb);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>An HTTP client signed in as a demo staff user with a bearer token.</summary>
    public async Task<HttpClient> SignInAsync(string username, string password = DemoData.Password)
    {
        using var response = await Client.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        if (_schema is not null)
        {
            await TestDatabases.DropPostgresSchemaAsync(_schema);
        }

        if (_sqliteFolder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open is left in the temp folder; it does not affect other tests.
            }
        }
    }
}
