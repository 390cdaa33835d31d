namespace Gatehouse.Engine.Model;

/// <summary>
/// A half-open interval of instants, <c>[From, Until)</c>: <see cref="From"/> is inside, <see cref="Until"/> is not.
/// Every validity period, meeting window and booking slot in Gatehouse is one of these, so "valid until
/// 2026-12-01T00:00Z" means the last valid instant is just before midnight and two back-to-back windows never overlap.
/// </summary>
public readonly record struct TimeWindow
{
    public TimeWindow(DateTimeOffset from, DateTimeOffset until)
    {
        if (until < from)
        {
            throw new ArgumentOutOfRangeException(nameof(until), until, "A window cannot end before it starts.");
        }

        From = from;
        Until = until;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset Until { get; }

    public TimeSpan Length => Until - From;

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < Until;

    /// <summary>The window widened by the given offsets (negative <paramref name="before"/> opens earlier).</summary>
    public TimeWindow Widen(TimeSpan before, TimeSpan after) => new(From + before, Until + after);

    public static TimeWindow Starting(DateTimeOffset from, TimeSpan length) => new(from, from + length);

    public override string ToString() => $"[{From:O}, {Until:O})";
}
