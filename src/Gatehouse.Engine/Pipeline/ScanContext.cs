using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Scanning;

namespace Gatehouse.Engine.Pipeline;

/// <summary>
/// The working state of one decision, passed by reference from check to check so the scan path allocates only
/// the final <see cref="Decision"/>. Fields, not properties: checks update the reason list in place.
/// </summary>
internal struct ScanContext
{
    public Scan Scan;
    public IAccessDirectory Directory;

    // Resolved in order; all non-null once resolution succeeds (except the person parts for anonymous entry).
    public Device? Device;
    public AccessLogic? Logic;
    public Site? Site;
    public Zone? Zone;
    public Organization? Organization;
    public Credential? Credential;
    public Entitlements? Entitlements;

    public PresentedForm Form;
    public SiteId QrSite;
    public DateTimeOffset QrIssuedAt;

    /// <summary>The site's wall clock at the scan (R-DEC-06).</summary>
    public DateTime Local;
    public DateOnly Today;
    public Direction Direction;
    /// <summary>Where the person is inside now, as the directory said when the person was resolved.</summary>
    public Presence? Presence;

    public bool PresentHere;

    /// <summary>A presence ticked by hand at the desk that lets the person through without contract checks (R-GYM-15).</summary>
    public bool StaffPresencePass;

    public ReasonList Reasons;
    public DecisionActions Actions;
    public VisitReason VisitReason;
    public Contract? PassInUse;
    public Booking? NextBooking;
    public EntranceProductId? ProductToUse;
    public BookingId? BookingToMark;
    public bool AskExternal;

    public ScanContext(in Scan scan, IAccessDirectory directory)
    {
        Scan = scan;
        Directory = directory;
        Direction = scan.ReportedDirection ?? Direction.In;
        VisitReason = VisitReason.None;
    }

    public readonly Person? Person => Entitlements?.Person;

    /// <summary>The establishment a manual desk works for (R-STU-02), else the device's site.</summary>
    public readonly SiteId Establishment =>
        Device!.Mode == EntryMode.Manual && Logic!.Checks.CheckLocalisation ? Scan.DeskSite ?? Device.Site : Device!.Site;

    public readonly bool IsCheckInPoint =>
        Device!.Checkpoint == VisitorCheckpoint.CheckIn || (Device.Checkpoint == VisitorCheckpoint.ByDirection && Direction == Direction.In);

    public readonly bool IsCheckOutPoint =>
        Device!.Checkpoint == VisitorCheckpoint.CheckOut || (Device.Checkpoint == VisitorCheckpoint.ByDirection && Direction == Direction.Out);

    /// <summary>Single use: flagged so, or a static QR at a logic that marks QR usage (R-GYM-19).</summary>
    public readonly bool IsSingleUse =>
        Credential is not null && (Credential.Has(CredentialFlags.SingleUse) || (Form == PresentedForm.StaticQr && Logic!.Actions.MarkQrUsage));

    /// <summary>Records a failed or warning check; the catalog says which (R-DEC-01).</summary>
    public void Flag(ReasonCode code) => Reasons.Add(code);
}
