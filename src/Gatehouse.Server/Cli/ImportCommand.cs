using System.Text.Json;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Hosting;
using Gatehouse.Server.Import;

namespace Gatehouse.Server.Cli;

/// <summary>
/// <c>gatehouse import --org ID --file members.csv</c> (R-OPS-05): writes straight to the configured database and
/// prints the per-row report. A server already running on the same database keeps its own index until restarted,
/// so import through <c>POST /api/v1/people/import</c> while it runs.
/// </summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args, "org", "file");
        if (!long.TryParse(options["org"], out var org) || options["file"] is not { } file)
        {
            await Console.Error.WriteLineAsync("Usage: " + GatehouseCommand.Usage);
            return 2;
        }

        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"No such file: {file}");
            return 2;
        }

        await using var app = ServerApp.Build(options.Rest);
        var store = app.Services.GetRequiredService<Storage.IGatehouseStore>();
        if (await store.GetOrganizationAsync(new OrganizationId(org)) is null)
        {
            await Console.Error.WriteLineAsync($"There is no organization {org} in this database.");
            return 2;
        }

        using var reader = new StreamReader(file);
        var report = await app.Services.GetRequiredService<MemberImport>().ImportAsync(new OrganizationId(org), reader, CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(report, JsonDefaults.Indented));
        return report.Rejected == 0 ? 0 : 1;
    }
}
