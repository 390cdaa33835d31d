using System.Reflection;
using Gatehouse.Engine.Logic;

namespace Gatehouse.Server.Pages.Logics;

/// <summary>
/// Every setting of the three groups (checks, advanced settings, actions) with a label and a one-line
/// explanation. The editor lists the record's properties by reflection, so a new engine setting shows up at once;
/// a test fails until it has an explanation here.
/// </summary>
public static class LogicFields
{
    public const string Checks = nameof(AccessLogic.Checks);
    public const string Advanced = nameof(AccessLogic.Advanced);
    public const string Actions = nameof(AccessLogic.Actions);

    private static readonly Dictionary<string, (string Label, string Help)> Texts = new(StringComparer.Ordinal)
    {
        ["CheckMembershipBalance"] = ("Check membership balance", "Unpaid membership fees stop the member at this device."),
        ["CheckPosBalance"] = ("Check POS balance", "A shop or bar tab beyond the POS limit stops the member."),
        ["CheckAccessRules"] = ("Check access rules", "The contract must be active and its zone, weekday and hour rules must fit now."),
        ["CheckZoneType"] = ("Check zone type", "The member needs a rule or an entrance product for this zone's type."),
        ["CheckPresence"] = ("Check presence", "Only people registered inside may pass: meant for exit gates."),
        ["CheckLackOfPresence"] = ("Check lack of presence", "Someone already inside cannot enter again (anti-passback on entry)."),
        ["CheckDoubleScan"] = ("Check double scan", "After a grant, the same card is refused for the double entry time."),
        ["AllowedGenders"] = ("Allowed genders", "Only these profiles pass, e.g. for a women-only area; none ticked means everyone."),
        ["EmployeePolicy"] = ("Employee policy", "How an employee's own card is treated here."),
        ["SuccessText"] = ("Successful scan text", "Shown after a grant; placeholders like {FirstName}, {ContractName}, {ContractEnd}, {Balance}."),
        ["FailureText"] = ("Unsuccessful scan text", "Shown after a refusal; {Reason} is the first reason."),
        ["CheckLocalisation"] = ("Check localisation (desk)", "At a manual desk, a pass or booking must be usable at the receptionist's establishment."),
        ["CheckGeofence"] = ("Check geofence (phone)", "A phone opening the door must report a position inside the door's radius."),
        ["AllowUpcomingBooking"] = ("Allow upcoming booking", "Without a valid pass, a session starting within the buffer still admits."),
        ["UpcomingBookingBufferMinutes"] = ("Upcoming booking buffer (min)", "How many minutes before a session its booking admits."),
        ["StudioWarnings"] = ("Studio warnings", "Raise the studio warnings (zone fit, unpaid booking, no pass, new picture)."),
        ["RecentPictureChangeDays"] = ("Recent picture change (days)", "A picture changed within this many days, not yet validated, warns."),
        ["CheckOfficeBooking"] = ("Check office booking", "Employees under conditional access need an office day booked today."),
        ["CheckQuestionnaire"] = ("Check questionnaire", "Employees need today's health and safety questionnaire passed."),
        ["CheckCapacity"] = ("Check capacity", "Refuse entry while the site or zone is full."),
        ["AllowCompanyDebt"] = ("Allow company debt", "Debt owed by a corporate payer does not stop its members."),
        ["AllowPaymentInProgress"] = ("Allow payment in progress", "A payment still being processed does not count as debt."),
        ["AllowedDaysInDebt"] = ("Allowed days in debt", "Debt younger than this many days is tolerated."),
        ["PosBalanceLimit"] = ("POS balance limit", "Largest tolerated POS debt, entered as a positive amount."),
        ["AllowCustomReason"] = ("Allow custom reason", "Staff may let someone in with an anonymous entrance reason."),
        ["AllowAccessWithEmployee"] = ("Allow access with employee", "A visit accompanied by a member of staff is allowed."),
        ["AllowGuestEntranceOnPos"] = ("Allow guest entrance on POS", "Guests registered at the point of sale may enter."),
        ["AllowGuestEntrance"] = ("Allow guest entrance", "Guests may enter."),
        ["PresenceSkipsMembershipValidation"] = ("Presence skips membership validation", "Someone ticked present by hand at the desk passes without contract checks."),
        ["AllowZoneEntranceProduct"] = ("Allow zone entrance product", "Owners of an entrance product for this zone type may enter."),
        ["MainContractHasToBeActive"] = ("Main contract has to be active", "Only the main contract grants; additional contracts do not."),
        ["AllowAccessWithBooking"] = ("Allow access with booking", "A booked class or training admits within the offsets."),
        ["AllowAccessWithChildBooking"] = ("Allow access with child booking", "A child's booking admits the parent within the offsets."),
        ["BookingStartOffsetMinutes"] = ("Booking start offset (min)", "Minutes before a class starts from which its booking admits; zero or negative."),
        ["BookingEndOffsetMinutes"] = ("Booking end offset (min)", "Minutes after a class ends until which its booking admits."),
        ["FacilityBookingStartOffsetMinutes"] = ("Facility booking start offset (min)", "As the booking start offset, for facility slots; zero or negative."),
        ["FacilityBookingEndOffsetMinutes"] = ("Facility booking end offset (min)", "As the booking end offset, for facility slots."),
        ["EnablePreVerification"] = ("Enable pre-verification", "Needed by devices that ask before the person reaches them."),
        ["DoubleEntryTimeSeconds"] = ("Double entry time (s)", "How long a card is locked after a grant when double scans are checked."),
        ["BlockLostCards"] = ("Block lost cards", "Cards reported lost are refused."),
        ["BlockGuestCards"] = ("Block guest cards", "Guest cards are refused, e.g. at exit gates that collect them."),
        ["UseFingerprint"] = ("Use fingerprint", "Fingerprint credentials are accepted."),
        ["RequireFingerprintOnCard"] = ("Require fingerprint on card", "A card without an enrolled fingerprint is refused."),
        ["BlockQrCodes"] = ("Block QR codes", "QR codes are refused here."),
        ["CheckQrSite"] = ("Check QR site", "A QR code issued for another site is refused."),
        ["CheckQrValidity"] = ("Check QR validity", "A QR code older than its validity is refused."),
        ["QrValidityMinutes"] = ("QR validity (min)", "How long a generated QR code stays valid."),
        ["ExternalAccessAllowed"] = ("External access allowed", "When nothing here grants, ask the external source below."),
        ["ExternalAccessUrl"] = ("External access URL", "Absolute URL of the external access source."),
        ["ExternalAccessBudgetMilliseconds"] = ("External access budget (ms)", "How long to wait for the external source before refusing."),
        ["AddPresence"] = ("Add presence", "A granted entry registers the person as inside."),
        ["DeactivatePresence"] = ("Deactivate presence", "With add presence: one reader for in and out, each scan toggles."),
        ["LogUnsuccessfulScans"] = ("Log unsuccessful scans", "List refusals in reports; when off they are only counted."),
        ["MarkQrUsage"] = ("Mark QR usage", "A single-use QR code is used up by its first grant."),
        ["CollectCard"] = ("Collect card", "Remove the card's data after the scan (card-collecting slot)."),
        ["UseZoneProduct"] = ("Use zone product", "A grant consumes one entry of the zone's entrance product."),
        ["MarkFacilityBookingUsage"] = ("Mark facility booking usage", "A grant marks the facility booking as used."),
        ["NotifyFrontDesk"] = ("Notify front desk", "Tell the front desk about the scan."),
        ["OpenProfileAtFrontDesk"] = ("Open profile at front desk", "Open the member's profile at the front desk after the scan."),
    };

    public static IReadOnlyList<LogicField> Group(string group) => group switch
    {
        Checks => Describe(Checks, typeof(AccessChecks)),
        Advanced => Describe(Advanced, typeof(AdvancedSettings)),
        Actions => Describe(Actions, typeof(AccessActions)),
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown group."),
    };

    /// <summary>The settings without an explanation (a test keeps this empty).</summary>
    public static IEnumerable<string> Undescribed() =>
        new[] { typeof(AccessChecks), typeof(AdvancedSettings), typeof(AccessActions) }
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            .Where(p => p.CanWrite && !Texts.ContainsKey(p.Name))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

    /// <summary>The group a validation error's field belongs to, for its model-state key; top-level fields have none.</summary>
    public static string Key(string field)
    {
        foreach (var group in new[] { Checks, Advanced, Actions })
        {
            if (Group(group).Any(f => f.Property.Name == field))
            {
                return $"{group}.{field}";
            }
        }

        return field;
    }

    private static LogicField[] Describe(string group, Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => Texts.TryGetValue(p.Name, out var text) ? new LogicField(group, p, text.Label, text.Help) : new LogicField(group, p, p.Name, ""))
            .ToArray();
}
