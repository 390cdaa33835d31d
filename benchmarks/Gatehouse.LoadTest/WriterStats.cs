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
            // The writer is a single loop: no two measurements of one instrument race.
            if (instrument.Name.EndsWith("flush_duration", StringComparison.Ordinal))
            {
                // The flusher is one thread of its own: its measurements never race each other either.
                _flushes++;
                _flushMs += value;
                _maxFlushMs = Math.Max(_maxFlushMs, value);
            }
            else if (instrument.Name.EndsWith("write_duration", StringComparison.Ordinal))
            {
                _writeMs += value;
                _maxWriteMs = Math.Max(_maxWriteMs, value);
            }
            else
            {
                _commitMs += value;
                _maxCommitMs = Math.Max(_maxCommitMs, value);
            }
        });
        _listener.Start();
    }

    public string Describe(TimeSpan wall) =>
        _batches == 0
            ? "event writer: no batches"
            : FormattableString.Invariant(
                $"event writer: {_batches:N0} batches, {(double)_events / _batches:F1} events each; writing {_writeMs / _batches:F2} ms + commit {_commitMs / _batches:F2} ms per batch; busy {(_writeMs + _commitMs) / wall.TotalMilliseconds:P0} of the time; longest write {_maxWriteMs:F1} ms, commit {_maxCommitMs:F1} ms")
                + (_flushes == 0 ? "" : FormattableString.Invariant($"; {_flushes:N0} WAL fsyncs, {_flushMs / _flushes:F2} ms each, longest {_maxFlushMs:F1} ms"));

    public void Dispose() => _listener.Dispose();
}
