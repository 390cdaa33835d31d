using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Gatehouse.LoadTest;

/// <summary>
/// The runtime's allocation samples (one event per ~100 KB allocated, naming the type that crossed the mark), in
/// process: which types most of a scan's garbage is, to know what the GC pauses are paying for.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const int AllocationTick = 10;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTick || eventData.PayloadNames is not { } names || eventData.Payload is not { } payload)
        {
            return;
        }

        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(payload[names.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    /// <summary>The types with the most sampled bytes, each with its share of all sampled bytes.</summary>
    public string Describe(int top)
    {
        var total = Math.Max(1, _bytes.Values.Sum());
        return string.Join(Environment.NewLine, _bytes.OrderByDescending(p => p.Value).Take(top)
            .Select(p => $"  {100.0 * p.Value / total,5:F1} %  {p.Key}"));
    }
}
