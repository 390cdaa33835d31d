using Gatehouse.Server.Hosting;

namespace Gatehouse.Server.Cli;

/// <summary>Dispatches the verbs of the <c>gatehouse</c> executable.</summary>
public static class GatehouseCommand
{
    public const string Usage = """
        gatehouse [serve] [--urls URL] [--Gatehouse:Database:Provider Sqlite|PostgreSQL] [--Gatehouse:Database:ConnectionString CS]
        gatehouse demo    [same options]     seed the demo organizations if the database has none, then serve
        gatehouse scan    --device ID --credential VALUE [--secret S] [--server URL] [--direction In|Out] [--request-id R]
        gatehouse import  --org ID --file members.csv [database options]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0].ToLowerInvariant() : "serve";
        var rest = verb == "serve" && (args.Length == 0 || args[0].StartsWith('-')) ? args : args[1..];
        switch (verb)
        {
            case "serve":
                await ServerApp.Build(rest).RunAsync();
                return 0;
            case "demo":
                return await DemoCommand.RunAsync(rest);
            case "scan":
                return await ScanCommand.RunAsync(rest);
            case "import":
                return await ImportCommand.RunAsync(rest);
            case "help" or "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown verb '{verb}'.\n{Usage}");
                return 2;
        }
    }
}
