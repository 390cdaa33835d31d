namespace Gatehouse.LoadTest;

/// <summary>What one run measured (after the warm-up): throughput, latency percentiles in milliseconds, outcomes.</summary>
public sealed record LoadResult(long Scans, double ScansPerSecond, double P50, double P99, double P999, int Granted, int Denied, int Errors);
