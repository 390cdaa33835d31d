using System.Globalization;

namespace Gatehouse.LoadTest;

/// <summary>Command-line options of the load test; every run is bounded in time and requests.</summary>
public sealed record LoadOptions
{
    public string Provider { get; init; } = "Sqlite";

    public string? ConnectionString { get; init; }

    public int People { get; init; } = 100_000;

    public int CardsPerPerson { get; init; } = 1;

    public int Workers { get; init; } = 64;

    /// <summary>
    /// The seeded gates' and readers' double-scan lock. A real club's members come round once a day; here, at
    /// 10,000 scans/s over 100,000 members, every 10 s, so the lock is shortened with the day (default 5 s, the
    /// preset's is 10 s) or most second visits would be double-scan denials instead of the visits they stand for.
    /// </summary>
    public int DoubleEntrySeconds { get; init; } = 5;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Long enough for tiered compilation to settle: after a 3 s warm-up the JIT still spent 2.5 s compiling
    /// 4,600 methods inside a 15 s measured run on SQLite; on PostgreSQL 2.7 s after a 10 s warm-up, 0.3 s after 20 s.
    /// </summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(20);

    public long MaxRequests { get; init; } = 2_000_000;

    public int Port { get; init; } = 5190;

    /// <summary>scan (default), pre-verify or heartbeat: to tell the HTTP cost from the decision and the commit.</summary>
    public string Verb { get; init; } = "scan";

    /// <summary>
    /// dotnet (HttpClient workers in this process) or wrk (Debian's wrk as a child process, far cheaper per
    /// request, so more of the two cores go to the server).
    /// </summary>
    public string Driver { get; init; } = "dotnet";

    public string WrkPath { get; init; } = "/usr/bin/wrk";

    public int WrkThreads { get; init; } = 1;

    /// <summary>
    /// Scans per second on a fixed schedule (wrk only; 0, the default, is the closed loop: each connection sends its
    /// next scan when the last is answered). At a fixed rate the answers are timed from when each scan was due, so
    /// <see cref="Workers"/> is only the connections available and must exceed the rate times the answer time.
    /// </summary>
    public int Rate { get; init; }

    /// <summary>Seed, open, report the start time and memory, and stop: the 1M people / 2M credentials check.</summary>
    public bool StartupOnly { get; init; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            o = args[i] switch
            {
                "--provider" => o with { Provider = value },
                "--connection" => o with { ConnectionString = value },
                "--people" => o with { People = int.Parse(value, CultureInfo.InvariantCulture) },
                "--cards-per-person" => o with { CardsPerPerson = int.Parse(value, CultureInfo.InvariantCulture) },
                "--workers" => o with { Workers = int.Parse(value, CultureInfo.InvariantCulture) },
                "--double-entry-seconds" => o with { DoubleEntrySeconds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--seconds" => o with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--warmup" => o with { Warmup = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "--requests" => o with { MaxRequests = long.Parse(value, CultureInfo.InvariantCulture) },
                "--verb" => o with { Verb = value },
                "--port" => o with { Port = int.Parse(value, CultureInfo.InvariantCulture) },
                "--driver" => o with { Driver = value },
                "--wrk" => o with { WrkPath = value },
                "--wrk-threads" => o with { WrkThreads = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => o with { Rate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--startup-only" => o with { StartupOnly = bool.Parse(value) },
                _ => throw new ArgumentException($"Unknown option {args[i]}"),
            };
        }

        return o.Rate > 0 && !o.Driver.Equals("wrk", StringComparison.OrdinalIgnoreCase)
            ? throw new ArgumentException("--rate needs --driver wrk: the HttpClient workers are a closed loop.")
            : o;
    }
}
