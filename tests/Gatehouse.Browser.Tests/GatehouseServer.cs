using Gatehouse.Server.Demo;
using Gatehouse.Server.Hosting;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gatehouse.Browser.Tests;

/// <summary>
/// The real server, built by its own composition (ServerApp), on Kestrel at 127.0.0.1 with a free port, a fresh
/// SQLite file and the demo data; plus one Chromium. One per test class (a class fixture).
/// </summary>
public sealed class GatehouseServer : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gatehouse-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public DemoSeedResult Demo { get; private set; } = null!;

    public IGatehouseStore Store => _app!.Services.GetRequiredService<IGatehouseStore>();

    public IServiceProvider Services => _app!.Services;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _app = ServerApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--Gatehouse:Database:Provider", "Sqlite",
            "--Gatehouse:Database:ConnectionString", $"Data Source={Path.Combine(_folder, "gatehouse.db")}",
        ]);
        var services = _app.Services;
        Demo = await new DemoSeeder(services.GetRequiredService<IGatehouseStore>(), services.GetRequiredService<IPasswordHasher<StaffUser>>(), services.GetRequiredService<TimeProvider>()).SeedAsync();
        await _app.StartAsync();
        BaseUrl = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        if (File.Exists(Chromium.ExecutablePath) || Environment.GetEnvironmentVariable("CI") == "true")
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
        }
    }

    /// <summary>A fresh browser context (its own cookies) at 1280×800, signed in as the given user.</summary>
    public async Task<IPage> SignInAsync(string username, string? desk = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/SignIn");
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(DemoData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (page.Url.Contains("/ChooseDesk", StringComparison.OrdinalIgnoreCase))
        {
            if (desk is not null)
            {
                await page.GetByLabel(desk).CheckAsync();
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Start at this desk" }).ClickAsync();
        }

        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the system.
        }
    }
}
