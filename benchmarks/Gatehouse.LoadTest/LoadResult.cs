namespace Gatehouse.LoadTest;

/// <summary>What one run measured (after the warm-up): throughput, latency percentiles in milliseconds, outcomes.</summary>
public sealed record LoadResult(long Scans, double ScansPerSecond, double P50, double P99, double P999, int Granted, int Denied, int Errors)
{
    /// <summary>CPU time of the server process during the measured run (only when the generator is another process).</summary>
    public TimeSpan? ServerCpu { get; init; }
}
