using System.Diagnostics.Metrics;

namespace Gatehouse.LoadTest;

/// <summary>
/// Listens to the event writer's instruments ("Gatehouse.Storage" meter) during the measured run and sums them:
/// how many batches, how big, and how much of the wall time the single writer was busy writing and committing.
/// </summary>
public sealed class WriterStats : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _batches;
    private long _events;
    private double _writeMs;
    private double _commitMs;
    private double _maxWriteMs;
    private double _maxCommitMs;
    private double _flushMs;
    private double _maxFlushMs;
    private long _flushes;

    // Stalls: how many writes, commits and fsyncs took longer than SlowMs (the tail of the scans' latency).
    private const double SlowMs = 10;
    private long _slowWrites;
    private long _slowCommits;
    private long _slowFlushes;

    public WriterStats()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Gatehouse.Storage" && instrument.Name.StartsWith("gatehouse.event_writer.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _events, value);
        });
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name.EndsWith("append_duration", StringComparison.Ordinal))
            {
                // Recorded by whichever thread releases the batch: the buckets are thread-safe.
                Appends.Record(value);
                return;
            }

            // The writer is a single loop: no two measurements of one instrument race.
            if (instrument.Name.EndsWith("flush_duration", StringComparison.Ordinal))
            {
                // The flusher is one thread of its own: its measurements never race each other either.
                _flushes++;
                _flushMs += value;
                _maxFlushMs = Math.Max(_maxFlushMs, value);
                _slowFlushes += value > SlowMs ? 1 : 0;
            }
            else if (instrument.Name.EndsWith("write_duration", StringComparison.Ordinal))
            {
                _writeMs += value;
                _maxWriteMs = Math.Max(_maxWriteMs, value);
                _slowWrites += value > SlowMs ? 1 : 0;
            }
            else
            {
                _commitMs += value;
                _maxCommitMs = Math.Max(_maxCommitMs, value);
                _slowCommits += value > SlowMs ? 1 : 0;
            }
        });
        _listener.Start();
    }

    /// <summary>How long appends waited to be durable (queued to released).</summary>
    public LatencyBuckets Appends { get; } = new();

    public string Describe(TimeSpan wall) =>
        _batches == 0
            ? "event writer: no batches"
            : FormattableString.Invariant(
                $"event writer: {_batches:N0} batches, {(double)_events / _batches:F1} events each; writing {_writeMs / _batches:F2} ms + commit {_commitMs / _batches:F2} ms per batch; busy {(_writeMs + _commitMs) / wall.TotalMilliseconds:P0} of the time; longest write {_maxWriteMs:F1} ms, commit {_maxCommitMs:F1} ms; over {SlowMs} ms: {_slowWrites} writes, {_slowCommits} commits")
                + (_flushes == 0 ? "" : FormattableString.Invariant($"; {_flushes:N0} WAL fsyncs, {_flushMs / _flushes:F2} ms each, longest {_maxFlushMs:F1} ms, {_slowFlushes} over {SlowMs} ms"))
                + $"; append to durable: {Appends.Describe()}";

    public void Dispose() => _listener.Dispose();
}
