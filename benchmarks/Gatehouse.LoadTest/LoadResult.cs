namespace Gatehouse.LoadTest;

/// <summary>What one run measured (after the warm-up): throughput, latency percentiles in milliseconds, outcomes.</summary>
public sealed record LoadResult(long Scans, double ScansPerSecond, double P50, double P99, double P999, int Granted, int Denied, int Errors)
{
    /// <summary>CPU time of the server process during the measured run (only when the generator is another process).</summary>
    public TimeSpan? ServerCpu { get; init; }

    /// <summary>The machine's busy and stolen shares (0–1), its busy CPU time and the PostgreSQL processes' CPU time during the measured run (only with wrk, on Linux).</summary>
    public (double Busy, double Steal, TimeSpan BusyTime, TimeSpan Postgres)? Machine { get; init; }

    /// <summary>Methods the JIT compiled during the measured run, and its time compiling (only with wrk).</summary>
    public (long Methods, TimeSpan Time)? Jit { get; init; }

    /// <summary>Denied answers by their first reason code (only with wrk).</summary>
    public IReadOnlyDictionary<string, long>? DeniedBy { get; init; }

    /// <summary>
    /// With wrk, whose own percentiles are corrected for coordinated omission: the answers as they were, each timed
    /// from its request to its answer (p50, p99, p99.9 in milliseconds).
    /// </summary>
    public (double P50, double P99, double P999)? Uncorrected { get; init; }

    /// <summary>
    /// At a fixed rate: how far behind their schedule the scans were sent (p50, p99, p99.9 in milliseconds, 0 when on
    /// time), because every connection was waiting or the generator fell behind, and how many were over 1 ms late.
    /// This delay is part of the answer times.
    /// </summary>
    public (double P50, double P99, double P999, long Late)? SendLag { get; init; }

    /// <summary>The server's own request durations during the measured run (only with wrk).</summary>
    public LatencyBuckets? Server { get; init; }
}
