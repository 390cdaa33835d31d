namespace Gatehouse.Server.Cli;

/// <summary><c>gatehouse import --org ID --file members.csv</c> (R-OPS-05).</summary>
public static class ImportCommand
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("import: not yet implemented");
        return Task.FromResult(2);
    }
}
