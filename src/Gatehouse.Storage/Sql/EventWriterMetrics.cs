using System.Diagnostics.Metrics;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// What the group-commit writer is doing, as OpenTelemetry-style instruments on the "Gatehouse.Storage" meter:
/// batch sizes, the time a batch spends being written and committed, and the WAL fsyncs on SQLite. The writer is the
/// one serial stage of the scan path, so these say at once whether it is the bottleneck (busy all the time,
/// small batches) or not.
/// </summary>
internal static class EventWriterMetrics
{
    public const string MeterName = "Gatehouse.Storage";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "gatehouse.event_writer.batch_size", "{event}", "Appends written in one transaction.");

    private static readonly Histogram<double> WriteDuration = Meter.CreateHistogram<double>(
        "gatehouse.event_writer.write_duration", "ms", "Statements of one batch, before the commit.");

    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "gatehouse.event_writer.commit_duration", "ms", "The commit of one batch (the fsync on SQLite).");

    private static readonly Histogram<double> FlushDuration = Meter.CreateHistogram<double>(
        "gatehouse.event_writer.flush_duration", "ms", "One fsync of the SQLite WAL, for every batch committed since the last.");

    private static readonly Histogram<double> AppendDuration = Meter.CreateHistogram<double>(
        "gatehouse.event_writer.append_duration", "ms", "From an append being queued to its event being durable and its caller released.");

    public static void RecordAppend(TimeSpan duration) => AppendDuration.Record(duration.TotalMilliseconds);

    public static void RecordFlush(TimeSpan duration) => FlushDuration.Record(duration.TotalMilliseconds);

    public static void RecordWrite(int batchSize, TimeSpan duration)
    {
        BatchSize.Record(batchSize);
        WriteDuration.Record(duration.TotalMilliseconds);
    }

    public static void RecordCommit(TimeSpan duration) => CommitDuration.Record(duration.TotalMilliseconds);
}
