namespace Gatehouse.Storage;

/// <summary>
/// Events of one local day (and hour, for hourly counts; null for daily) in the event's site time zone (R-STU-11).
/// </summary>
public sealed record EventCount(DateOnly Day, int? Hour, int Granted, int Warning, int Denied)
{
    public int Total => Granted + Warning + Denied;
}
