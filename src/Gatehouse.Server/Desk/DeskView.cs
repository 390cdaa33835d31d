using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>
/// What the front desk shows of one member (R-STU-07, R-STU-09, R-GYM-21): the status of a scan at this desk
/// (or of a fresh check when <see cref="Refreshed"/>), the pass in use, the next booking, balances, presence and
/// the picture history. <see cref="Event"/> is the stored scan that staff allow or refuse; null after a search.
/// </summary>
public sealed record DeskView(
    Person Person,
    Device Desk,
    Outcome Outcome,
    IReadOnlyList<ReasonCode> Reasons,
    string DisplayText,
    Contract? Pass,
    Booking? NextBooking,
    Balances Balances,
    Presence? Presence,
    IReadOnlyList<PictureChange> Pictures,
    IReadOnlyList<Credential> Credentials,
    AccessEvent? Event,
    bool Refreshed,
    TimeZoneInfo TimeZone)
{
    /// <summary>An instant as the desk's site reads it (R-DEC-06), not the server's zone.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    public IEnumerable<ReasonCode> Warnings => Reasons.Where(r => r.IsWarning());

    public IEnumerable<ReasonCode> Denials => Reasons.Where(r => !r.IsWarning());

    /// <summary>Waiting for a receptionist to allow or refuse (R-STU-07): a stored entry not decided yet.</summary>
    public bool AwaitsStaff => Event is { StaffDecision: null, Outcome: Outcome.Warning, Mode: EntryMode.Manual };

    /// <summary>After a search nothing is stored yet: allowing entry checks the member in at the desk.</summary>
    public bool CanCheckIn => Event is null && Outcome != Outcome.Denied;
}
