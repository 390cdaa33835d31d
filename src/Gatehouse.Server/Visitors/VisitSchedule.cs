using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Visitors;

/// <summary>
/// When the timed rules of one visit fall due. Local times and dates are the site's (R-DEC-06): "7 days after the
/// visit date" and "check out at 20:00" mean the building's calendar, not the server's.
/// </summary>
public sealed record VisitSchedule(DateOnly VisitDate, DateTimeOffset CredentialRemovalAt, DateTimeOffset? AutoCheckOutAt, DateTimeOffset ErasureAt)
{
    public static VisitSchedule For(TimeWindow meeting, TimeZoneInfo zone, VisitorOptions options)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(options);
        var visitDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting.From, zone).DateTime);
        DateTimeOffset? autoCheckOut = null;
        if (options.AutoCheckOutAt is { } localTime)
        {
            // The first such wall-clock time at or after the meeting's end.
            var endDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting.Until, zone).DateTime);
            var at = Local(endDay, localTime, zone);
            autoCheckOut = at >= meeting.Until ? at : Local(endDay.AddDays(1), localTime, zone);
        }
        else if (options.AutoCheckOutHoursAfterMeeting is { } hours)
        {
            autoCheckOut = meeting.Until + TimeSpan.FromHours(hours);
        }

        // Whole days on the calendar (a DST change does not move erasure by an hour), then any remainder.
        var days = (int)options.ErasureDelay.TotalDays;
        var erasure = Local(visitDate.AddDays(days), TimeOnly.MinValue, zone) + (options.ErasureDelay - TimeSpan.FromDays(days));
        return new VisitSchedule(visitDate, meeting.Until + options.CredentialRemovalDelay, autoCheckOut, erasure);
    }

    /// <summary>A wall-clock time at the site as an instant; a time skipped by a DST change moves forward by the gap.</summary>
    public static DateTimeOffset Local(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
