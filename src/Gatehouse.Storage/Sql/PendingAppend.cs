namespace Gatehouse.Storage.Sql;

/// <summary>One queued append: its result and index changes are filled in by the writer, kept until commit.</summary>
internal sealed class PendingAppend(EventAppend append)
{
    public EventAppend Append { get; } = append;

    /// <summary>When it was queued (<see cref="System.Diagnostics.Stopwatch"/> ticks): how long a decision waits to be durable.</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public TaskCompletionSource<AppendResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AppendResult? Result { get; set; }

    public List<Action<AccessIndex>> IndexChanges { get; } = [];
}
