using Gatehouse.Storage;

namespace Gatehouse.Server.Events;

/// <summary>Events of one local day (and hour) by outcome (R-STU-11).</summary>
public sealed record EventCountDto(DateOnly Day, int? Hour, int Granted, int Warning, int Denied, int Total)
{
    public static EventCountDto From(EventCount c) => new(c.Day, c.Hour, c.Granted, c.Warning, c.Denied, c.Total);
}
