using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>Zone types, weekdays and local hours [from, until) a contract allows; until 00:00 means end of day.</summary>
public sealed record AccessRuleDto(IReadOnlyList<ZoneType>? ZoneTypes, IReadOnlyList<DayOfWeek>? Days, TimeOnly? From, TimeOnly? Until)
{
    public static AccessRuleDto Of(AccessRule r) => new(r.ZoneTypes, r.Days.Days.ToArray(), r.From, r.Until);

    public AccessRule ToRule() => new(
        ZoneTypes ?? [],
        Days is null ? WeekdaySet.All : WeekdaySet.Of([.. Days]),
        From ?? TimeOnly.MinValue,
        Until ?? TimeOnly.MinValue);
}
