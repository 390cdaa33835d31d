using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Logic;

/// <summary>The main switches of an access logic: which checks run (the gym article's first table, plus studio and office checks).</summary>
public sealed record AccessChecks
{
    /// <summary>R-GYM-02: outstanding membership debt denies.</summary>
    public bool CheckMembershipBalance { get; init; }

    /// <summary>R-GYM-04: a POS balance below minus the limit denies.</summary>
    public bool CheckPosBalance { get; init; }

    /// <summary>R-GYM-05: contract status and its zone-type, weekday and hour rules.</summary>
    public bool CheckAccessRules { get; init; } = true;

    /// <summary>R-GYM-07: the device zone's type must be granted by a rule or an entrance product.</summary>
    public bool CheckZoneType { get; init; } = true;

    /// <summary>R-GYM-08: exit gates pass only people marked present.</summary>
    public bool CheckPresence { get; init; }

    /// <summary>R-GYM-09: anti-passback, no second entry while present.</summary>
    public bool CheckLackOfPresence { get; init; }

    /// <summary>R-GYM-10: refuse the same credential for <see cref="AdvancedSettings.DoubleEntryTimeSeconds"/> after a grant.</summary>
    public bool CheckDoubleScan { get; init; }

    /// <summary>R-GYM-11: empty means everyone.</summary>
    public IReadOnlyList<Gender> AllowedGenders { get; init; } = [];

    /// <summary>R-GYM-12.</summary>
    public EmployeePolicy EmployeePolicy { get; init; } = EmployeePolicy.TreatAsMember;

    /// <summary>R-GYM-13: shown on grant; placeholders like {FirstName}, {ContractName}, {ContractEnd}.</summary>
    public string SuccessText { get; init; } = "Welcome, {FirstName}!";

    /// <summary>R-GYM-13: shown on denial; {Reason} is the first reason's message.</summary>
    public string FailureText { get; init; } = "Access denied: {Reason}";

    /// <summary>R-STU-02: at a manual desk, a pass or booking must be usable at the receptionist's establishment.</summary>
    public bool CheckLocalisation { get; init; }

    /// <summary>R-STU-03: a phone's position must be inside the door's geofence radius.</summary>
    public bool CheckGeofence { get; init; }

    /// <summary>R-STU-05: without a valid pass, a booked session starting within the buffer admits.</summary>
    public bool AllowUpcomingBooking { get; init; }

    /// <summary>R-STU-05: minutes before a session's start in which its booking admits.</summary>
    public int UpcomingBookingBufferMinutes { get; init; } = 30;

    /// <summary>R-STU-06: raise the studio warnings.</summary>
    public bool StudioWarnings { get; init; }

    /// <summary>R-STU-06: a profile picture changed within this many days (and not validated since) warns.</summary>
    public int RecentPictureChangeDays { get; init; } = 14;

    /// <summary>R-EMP-04: employees under conditional access need a booked office day.</summary>
    public bool CheckOfficeBooking { get; init; }

    /// <summary>R-EMP-04: and a passed questionnaire for the local day.</summary>
    public bool CheckQuestionnaire { get; init; }

    /// <summary>R-EMP-04, R-OPS-04: deny entry when the site or zone is at capacity.</summary>
    public bool CheckCapacity { get; init; }
}
