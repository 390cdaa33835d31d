namespace Gatehouse.Server.Cli;

/// <summary>The <c>--name value</c> options of a verb; anything not named is passed on to the host's configuration.</summary>
public sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _rest = [];

    public CommandOptions(string[] args, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i].TrimStart('-');
            if (args[i].StartsWith("--", StringComparison.Ordinal) && names.Contains(name, StringComparer.OrdinalIgnoreCase) && i + 1 < args.Length)
            {
                _values[name] = args[++i];
            }
            else
            {
                _rest.Add(args[i]);
            }
        }
    }

    public string[] Rest => [.. _rest];

    public string? this[string name] => _values.GetValueOrDefault(name);
}
