using System.Globalization;

namespace Gatehouse.LoadTest;

/// <summary>
/// Where the two cores went during the measured run, from Linux's /proc: the whole machine's busy share and the CPU
/// time of the PostgreSQL processes (the server's own is measured in-process). On two cores the generator, the server
/// and the database share the machine, so a change that saves the server CPU but costs the database more shows here.
/// The time the hypervisor gave the cores to someone else (steal) is counted apart: on this VM it reached 20–40% in
/// some runs, which then cannot be compared with others.
/// </summary>
public sealed class MachineCpu
{
    // USER_HZ: the unit of /proc's CPU times on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    private readonly (long Busy, long Steal, long All) _machine = Machine();
    private readonly long _postgres = ProcessTicks("postgres");

    /// <summary>None where /proc is not there (not Linux).</summary>
    public static MachineCpu? Start() => File.Exists("/proc/stat") ? new MachineCpu() : null;

    /// <summary>
    /// The machine's busy and stolen shares since the start (0–1), its busy CPU time over every core, and the
    /// PostgreSQL processes' CPU time.
    /// </summary>
    public (double Busy, double Steal, TimeSpan BusyTime, TimeSpan Postgres) Since()
    {
        var (busy, steal, all) = Machine();
        double Share(long part) => all == _machine.All ? 0 : (double)part / (all - _machine.All);
        return (Share(busy - _machine.Busy), Share(steal - _machine.Steal), TimeSpan.FromSeconds((busy - _machine.Busy) / TicksPerSecond),
            TimeSpan.FromSeconds((ProcessTicks("postgres") - _postgres) / TicksPerSecond));
    }

    /// <summary>The first line of /proc/stat: user nice system idle iowait irq softirq steal…, summed over every core.</summary>
    private static (long Busy, long Steal, long All) Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var all = fields.Take(8).Sum();
        return (all - fields[3] - fields[4] - fields[7], fields[7], all);
    }

    /// <summary>utime + stime of every live process with this name (a backend that exited in between is not counted).</summary>
    private static long ProcessTicks(string name)
    {
        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                var close = stat.LastIndexOf(')');
                if (open < 0 || close < 0 || stat[(open + 1)..close] != name)
                {
                    continue;
                }

                // After the name: state is field 3, utime 14 and stime 15.
                var rest = stat[(close + 2)..].Split(' ');
                ticks += long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended while it was read, or one we may not read: not ours to count.
            }
        }

        return ticks;
    }
}
