using Gatehouse.Server.Demo;
using Gatehouse.Server.Hosting;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Identity;

namespace Gatehouse.Server.Cli;

/// <summary><c>gatehouse demo</c>: seeds the demo organizations into an empty database, then serves.</summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var app = ServerApp.Build(args);
        var store = app.Services.GetRequiredService<IGatehouseStore>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gatehouse.Demo");
        if ((await store.ListOrganizationsAsync()).Count == 0)
        {
            var hasher = app.Services.GetRequiredService<IPasswordHasher<StaffUser>>();
            var seeded = await new DemoSeeder(store, hasher, app.Services.GetRequiredService<TimeProvider>()).SeedAsync();
            logger.LogInformation("Seeded the demo: {Organizations} organizations. See README.md for cards, device secrets and sign-ins.", seeded.Organizations.Count);
        }
        else
        {
            logger.LogInformation("The database already has organizations; not seeding the demo again.");
        }

        await app.RunAsync();
        return 0;
    }
}
