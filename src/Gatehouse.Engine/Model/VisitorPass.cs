namespace Gatehouse.Engine.Model;

/// <summary>
/// A visitor's right to be in the building for one meeting. Before check-in the visitor holds
/// <see cref="PreCheckInLevel"/> (if any, R-VIS-05); once checked in, <see cref="Level"/> for the meeting window.
/// </summary>
public sealed record VisitorPass(
    PersonId Person,
    SiteId Site,
    string Category,
    TimeWindow Meeting,
    AccessLevelId Level,
    AccessLevelId? PreCheckInLevel = null,
    DateTimeOffset? CheckedInAt = null,
    DateTimeOffset? CheckedOutAt = null)
{
    public bool IsCheckedIn => CheckedInAt is not null && CheckedOutAt is null;
}
