namespace Gatehouse.LoadTest;

/// <summary>Durations in 0.1 ms buckets up to two seconds, safe to record from any thread; percentiles on demand.</summary>
public sealed class LatencyBuckets
{
    private const double BucketMs = 0.1;
    private readonly long[] _buckets = new long[20_000];
    private long _count;

    public void Record(double milliseconds)
    {
        var bucket = (int)Math.Clamp(milliseconds / BucketMs, 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>The upper edge of the bucket holding the given percentile, in milliseconds (0 when empty).</summary>
    public double Percentile(double percent)
    {
        var wanted = (long)Math.Ceiling(Volatile.Read(ref _count) * percent / 100);
        long seen = 0;
        for (var i = 0; wanted > 0 && i < _buckets.Length; i++)
        {
            seen += Volatile.Read(ref _buckets[i]);
            if (seen >= wanted)
            {
                return (i + 1) * BucketMs;
            }
        }

        return 0;
    }

    public string Describe() => FormattableString.Invariant($"p50 {Percentile(50):F1} ms  p99 {Percentile(99):F1} ms  p99.9 {Percentile(99.9):F1} ms");
}
