namespace Gatehouse.Server.Visitors;

/// <summary>
/// <c>Gatehouse:Visitors</c>: how categories map to access levels (R-VIS-03), per-site check-in options
/// (R-VIS-04/05), and the timings of the visitor jobs (R-VIS-08/09/10).
/// </summary>
public sealed class VisitorOptions
{
    public const string Section = "Gatehouse:Visitors";

    /// <summary>
    /// Category → access level (name or id). A category that is not listed maps to the level named like it, so
    /// "Standard visitor" works out of the box wherever a level of that name exists.
    /// </summary>
    public Dictionary<string, string> Categories { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Keyed by site id or site name.</summary>
    public Dictionary<string, VisitorSiteOptions> Sites { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>R-VIS-08: credentials are removed this long after the meeting ends (unless still checked in).</summary>
    public TimeSpan CredentialRemovalDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>R-VIS-09: automatic check-out at this local time of the visit's last day (when set).</summary>
    public TimeOnly? AutoCheckOutAt { get; set; }

    /// <summary>R-VIS-09: or this many hours after the meeting ends (when set and no local time is).</summary>
    public double? AutoCheckOutHoursAfterMeeting { get; set; }

    /// <summary>R-VIS-10: personal data is erased this long after the start of the visit's local date.</summary>
    public TimeSpan ErasureDelay { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Subject of the invitation mail; <c>{Site}</c> becomes the site's name.</summary>
    public string InvitationSubject { get; set; } = "Your visit to {Site}";
}
