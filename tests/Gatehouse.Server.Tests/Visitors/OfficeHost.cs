using System.Data.Common;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Hosting;
using Gatehouse.Server.Jobs;
using Gatehouse.Server.Tests.Infrastructure;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Gatehouse.Server.Tests.Visitors;

/// <summary>
/// The demo office (Harbor Tower, London) on a fresh database with a fake clock, signed in as its administrator.
/// Can restart the server on the same database, as a crash or deploy would, to prove jobs are persisted.
/// </summary>
public sealed class OfficeHost : IAsyncDisposable
{
    /// <summary>Tuesday 10 March 2026, 09:00 in London (GMT): a whole step of 30 s, so TOTP edges are exact.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly string _provider;
    private readonly string _connectionString;
    private readonly string _folder;
    private readonly string? _schema;
    private readonly Dictionary<string, string?> _settings;

    private OfficeHost(string provider, string connectionString, string folder, string? schema, Dictionary<string, string?> settings)
    {
        _provider = provider;
        _connectionString = connectionString;
        _folder = folder;
        _schema = schema;
        _settings = settings;
        Factory = new OfficeFactory(provider, connectionString, Time, settings);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public OfficeFactory Factory { get; private set; }

    public HttpClient Admin { get; private set; } = null!;

    public DemoSeedResult Demo { get; private set; } = null!;

    public string MailFolder => Path.Combine(_folder, "mail");

    public IGatehouseStore Store => Factory.Services.GetRequiredService<IGatehouseStore>();

    public OrganizationId Org => Demo.Organizations["office"];

    public long Site => Demo.Sites["office"].Value;

    public static JsonSerializerOptions Json => JsonDefaults.Options;

    public static async Task<OfficeHost> StartAsync(string provider, params (string Key, string? Value)[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gatehouse-visitor-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string? schema = null;
        var connectionString = $"Data Source={Path.Combine(folder, "gatehouse.db")}";
        if (provider == TestDatabases.PostgreSql)
        {
            schema = "v_" + Guid.NewGuid().ToString("N")[..16];
            connectionString = await TestDatabases.CreatePostgresSchemaAsync(schema);
        }

        var all = new Dictionary<string, string?> { ["Gatehouse:Mail:Folder"] = Path.Combine(folder, "mail") };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var host = new OfficeHost(provider, connectionString, folder, schema, all);
        host.Demo = await new DemoSeeder(host.Store, host.Factory.Services.GetRequiredService<IPasswordHasher<StaffUser>>(), host.Time).SeedAsync();
        host.Admin = await host.SignInAsync();
        return host;
    }

    /// <summary>Stops the server and starts a new one on the same database and clock: nothing in memory survives.</summary>
    public async Task RestartAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        Factory = new OfficeFactory(_provider, _connectionString, Time, _settings);
        Admin = await SignInAsync();
    }

    /// <summary>A fresh staff token: the fake clock can jump past the session lifetime (8 hours).</summary>
    public async Task SignInAgainAsync()
    {
        Admin.Dispose();
        Admin = await SignInAsync();
    }

    /// <summary>Runs the due visitor jobs now, as the background loop would on its next tick.</summary>
    public Task<int> RunJobsAsync() => Factory.Services.GetRequiredService<VisitorJobRunner>().RunDueAsync();

    public async Task<JsonElement> ScanAsync(string deviceKey, string secret, string credential, string? direction = null)
    {
        var device = Demo.Devices[deviceKey].Value;
        return await ScanDeviceAsync(device, secret, credential, direction);
    }

    public async Task<JsonElement> ScanDeviceAsync(long device, string secret, string credential, string? direction = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device}/scan")
        {
            Content = JsonContent.Create(new { requestId = Guid.NewGuid().ToString("N"), credential, direction }, options: Json),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Device", $"{device}:{secret}");
        using var client = Factory.CreateClient();
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A visitor for today 10:00–11:00 London time unless told otherwise.</summary>
    public async Task<JsonElement> PreRegisterAsync(
        string firstName = "Zoe",
        string lastName = "Zephyr",
        string? email = "zoe.zephyr@example.org",
        string category = "Standard visitor",
        DateTimeOffset? from = null,
        DateTimeOffset? until = null,
        string? externalId = null)
    {
        var body = new
        {
            firstName,
            lastName,
            siteId = Site,
            meetingFrom = from ?? Start.AddHours(1),
            meetingUntil = until ?? Start.AddHours(2),
            category,
            host = "Harriet Host",
            email,
            externalId,
        };
        using var response = await Admin.PostAsJsonAsync("/api/v1/visitors", body, Json);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetVisitorAsync(long id) => await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/visitors/{id}");

    public async Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        await Admin.PostAsJsonAsync(path, body ?? new { }, Json);

    /// <summary>A raw connection to the test database, for checks no API offers (what is left after erasure).</summary>
    public async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection connection = _provider == TestDatabases.PostgreSql ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }

    public bool IsPostgres => _provider == TestDatabases.PostgreSql;

    public async Task<HttpClient> SignInAsync(string username = DemoData.OfficeAdmin)
    {
        using var client = Factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password = DemoData.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var admin = Factory.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return admin;
    }

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Factory.DisposeAsync();
        if (_schema is not null)
        {
            await TestDatabases.DropPostgresSchemaAsync(_schema);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open stays in the temp folder; it does not affect other tests.
        }
    }

    public static string[] Codes(JsonElement answer) =>
        answer.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray();

    public static string Outcome(JsonElement answer) => answer.GetProperty("outcome").GetString()!;
}
