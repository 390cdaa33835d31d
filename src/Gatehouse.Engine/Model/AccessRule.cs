namespace Gatehouse.Engine.Model;

/// <summary>
/// Where and when a contract lets its holder in: zone types, weekdays and local hours
/// <c>[From, Until)</c> in the site's time zone (R-GYM-05, R-STU-04). An empty <see cref="ZoneTypes"/> means
/// every zone type; <see cref="Until"/> of midnight (00:00) means the end of the day.
/// </summary>
public sealed record AccessRule(
    IReadOnlyList<ZoneType> ZoneTypes,
    WeekdaySet Days,
    TimeOnly From,
    TimeOnly Until)
{
    public static AccessRule Anytime(params ZoneType[] zoneTypes) => new(zoneTypes, WeekdaySet.All, TimeOnly.MinValue, TimeOnly.MinValue);

    public bool AllowsZoneType(ZoneType type) => ZoneTypes.Count == 0 || ZoneTypes.Contains(type);

    public bool AllowsLocalTime(DateTime local)
    {
        if (!Days.Contains(local.DayOfWeek))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local);
        var endsAtMidnight = Until == TimeOnly.MinValue;
        return time >= From && (endsAtMidnight || time < Until);
    }
}
