using System.Diagnostics.Tracing;

namespace Gatehouse.LoadTest;

/// <summary>
/// The runtime's own GC events, in process: the longest stop-the-world pause and the generation it collected, so a
/// latency tail can be told apart from the server's own stalls (GC.GetTotalPauseDuration gives only the sum).
/// Timed by the events' own timestamps: the runtime hands them to listeners in batches, after the fact, so timing
/// their arrival (as this did until the eighth session) measured the delivery, and missed pauses of 100 ms.
/// </summary>
public sealed class GcPauses : EventListener
{
    private const int SuspendBegin = 9;
    private const int RestartEnd = 3;
    private const int GcStart = 1;
    private const int HeapStats = 4;
    private long _suspendedAt;
    private int _generation;

    public double LongestMs { get; private set; }

    public int LongestGeneration { get; private set; }

    public int Over20Ms { get; private set; }

    /// <summary>
    /// Bytes that survived gen0 (were promoted to gen1), averaged over the collections: what each ephemeral
    /// collection had to copy, the part of its pause the server's own long-lived writes decide.
    /// </summary>
    public double PromotedFromGen0MiB => _collections == 0 ? 0 : _promotedFromGen0 / 1048576.0 / _collections;

    private long _promotedFromGen0;
    private int _collections;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        switch (eventData.EventId)
        {
            case SuspendBegin:
                _suspendedAt = eventData.TimeStamp.Ticks;
                break;
            case GcStart when eventData.Payload is { Count: > 1 } payload && payload[1] is uint depth:
                _generation = (int)depth;
                break;
            case HeapStats when eventData.Payload is { Count: > 1 } stats && stats[1] is ulong promoted:
                _promotedFromGen0 += (long)promoted;
                _collections++;
                break;
            case RestartEnd when _suspendedAt != 0:
                var ms = TimeSpan.FromTicks(eventData.TimeStamp.Ticks - _suspendedAt).TotalMilliseconds;
                _suspendedAt = 0;
                Over20Ms += ms > 20 ? 1 : 0;
                if (ms > LongestMs)
                {
                    LongestMs = ms;
                    LongestGeneration = _generation;
                }

                break;
        }
    }
}
