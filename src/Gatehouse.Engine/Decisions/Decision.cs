using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Decisions;

/// <summary>
/// The answer to one scan (R-DEC-01, R-DEC-02): outcome, one reason per failed or warning check, what justified
/// entry, the actions to apply, and the text to show. The only allocation a granted scan makes.
/// </summary>
public sealed class Decision
{
    private string? _displayText;

    public required Outcome Outcome { get; init; }

    public ReasonList Reasons { get; init; }

    public required DeviceId Device { get; init; }

    public required DateTimeOffset At { get; init; }

    public Direction Direction { get; init; }

    public SiteId? Site { get; init; }

    public ZoneId? Zone { get; init; }

    public CredentialId? Credential { get; init; }

    public Person? Person { get; init; }

    public AccessLogicId? Logic { get; init; }

    public int LogicVersion { get; init; }

    public EntryMode Mode { get; init; }

    public bool PreVerification { get; init; }

    public VisitReason VisitReason { get; init; }

    /// <summary>The pass in use (R-STU-09), when a contract justified entry or one is held.</summary>
    public Contract? PassInUse { get; init; }

    /// <summary>The person's next booking of the local day (R-STU-09).</summary>
    public Booking? NextBooking { get; init; }

    public DecisionActions Actions { get; init; }

    public EntranceProductId? ProductToUse { get; init; }

    public BookingId? BookingToMark { get; init; }

    /// <summary>R-GYM-20: nothing internal granted and the logic allows asking an external source.</summary>
    public bool AskExternal { get; init; }

    /// <summary>The success or failure template (R-GYM-13), rendered on first read so the scan path does not pay for it.</summary>
    public string? TextTemplate { get; init; }

    public decimal PosBalance { get; init; }

    /// <summary>The person's account balance, for the {Balance} placeholder (R-GYM-13).</summary>
    public decimal AccountBalance { get; init; }

    /// <summary>The site's time zone, so dates in the display text are the site's local dates (R-DEC-06).</summary>
    public TimeZoneInfo? SiteTimeZone { get; init; }

    /// <summary>A manual desk must confirm a warning before entry (R-STU-07); an automatic door just opens (R-STU-08).</summary>
    public bool AwaitsStaff => Outcome == Outcome.Warning && Mode == EntryMode.Manual;

    public bool LetsIn => Outcome != Outcome.Denied;

    public string DisplayText => _displayText ??= DisplayTextRenderer.Render(this);
}
