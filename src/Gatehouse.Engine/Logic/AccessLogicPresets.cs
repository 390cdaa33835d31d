using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Logic;

/// <summary>
/// The three families as presets of the same checks (gym per device, studio manual and automatic, office visitors
/// and employees). Every preset passes <see cref="AccessLogic.Validate"/>.
/// </summary>
public static class AccessLogicPresets
{
    public static IReadOnlyList<AccessLogicPreset> All { get; } =
    [
        new("gym-entry-gate", "Gym entry gate", "Contract, zone, debt and anti-passback checks; marks the member present.", GymEntryGate),
        new("gym-exit-gate", "Gym exit gate", "Lets present members out and ends their presence; no contract checks on the way out.", GymExitGate),
        new("gym-single-reader", "Gym single reader", "One reader for in and out: entry is checked, each scan toggles presence.", GymSingleReader),
        new("studio-front-desk", "Studio front desk", "Manual check-in by a receptionist: warnings wait for staff.", StudioFrontDesk),
        new("studio-door", "Studio door", "Automatic door opened from the phone inside the geofence; warnings are recorded.", StudioDoor),
        new("office-visitor-door", "Office visitor door", "Visitors by their access level and meeting window.", OfficeVisitorDoor),
        new("office-employee-door", "Office employee door", "Employees by company level, with office-day booking, questionnaire and capacity.", OfficeEmployeeDoor),
        new("visitor-kiosk", "Visitor kiosk", "Check-in point: a visitor's invitation QR checks them in and activates it.", VisitorKiosk),
    ];

    public static AccessLogicPreset? Find(string key) =>
        All.FirstOrDefault(preset => string.Equals(preset.Key, key, StringComparison.OrdinalIgnoreCase));

    public static AccessLogic GymEntryGate(AccessLogicId id, OrganizationId organization, DateTimeOffset now) =>
        Base(id, organization, now, "Gym entry gate", AccessPolicy.Membership) with
        {
            Checks = new AccessChecks { CheckMembershipBalance = true, CheckLackOfPresence = true, CheckDoubleScan = true },
            Advanced = new AdvancedSettings { AllowZoneEntranceProduct = true, AllowAccessWithBooking = true },
            Actions = new AccessActions { AddPresence = true, MarkQrUsage = true, UseZoneProduct = true, MarkFacilityBookingUsage = true },
        };

    public static AccessLogic GymExitGate(AccessLogicId id, OrganizationId organization, DateTimeOffset now) =>
        Base(id, organization, now, "Gym exit gate", AccessPolicy.Membership) with
        {
            Checks = new AccessChecks
            {
                CheckAccessRules = false,
                CheckZoneType = false,
                CheckPresence = true,
                CheckDoubleScan = true,
                SuccessText = "Goodbye, {FirstName}!",
            },
            Actions = new AccessActions { DeactivatePresence = true },
        };

    public static AccessLogic GymSingleReader(AccessLogicId id, OrganizationId organization, DateTimeOffset now) =>
        Base(id, organization, now, "Gym single reader", AccessPolicy.Membership) with
        {
            Checks = new AccessChecks { CheckMembershipBalance = true, CheckDoubleScan = true },
            Advanced = new AdvancedSettings { AllowZoneEntranceProduct = true, AllowAccessWithBooking = true },
            Actions = new AccessActions { AddPresence = true, DeactivatePresence = true, UseZoneProduct = true },
        };

    public static AccessLogic StudioFrontDesk(AccessLogicId id, OrganizationId organization, DateTimeOffset now) =>
        Base(id, organization, now, "Studio front desk", AccessPolicy.Studio) with
        {
            // Zone fit is a warning at the desk (R-STU-06), so the zone type does not deny here.
            Checks = new AccessChecks { CheckZoneType = false, CheckLocalisation = true, AllowUpcomingBooking = true, StudioWarnings = true },
            Actions = new AccessActions { AddPresence = true, OpenProfileAtFrontDesk = true },
        };

    public static AccessLogic StudioDoor(AccessLogicId id, OrganizationId organization, DateTimeOffset now) =>
        Base(id, organization, now, "Studio door", AccessPolicy.Studio) with
        {
            Checks = new AccessChecks { CheckGeofence = true, AllowUpcomingBooking = true, StudioWarnings = true },
            Actions = new AccessActions { AddPresence = true, NotifyFrontDesk = true },
        };

    public static AccessLogic OfficeVisitorDoor(AccessLogicId id, OrganizationId organization, DateTimeOffset now) =>
        Base(id, organization, now, "Office visitor door", AccessPolicy.Building) with
        {
            // Invitation QR codes are sent days ahead: their age says nothing, the meeting window does.
            Advanced = new AdvancedSettings { CheckQrValidity = false },
        };

    public static AccessLogic OfficeEmployeeDoor(AccessLogicId id, OrganizationId organization, DateTimeOffset now) =>
        Base(id, organization, now, "Office employee door", AccessPolicy.Building) with
        {
            Checks = new AccessChecks { CheckOfficeBooking = true, CheckQuestionnaire = true, CheckCapacity = true },
            Advanced = new AdvancedSettings { CheckQrValidity = false },
            Actions = new AccessActions { AddPresence = true },
        };

    public static AccessLogic VisitorKiosk(AccessLogicId id, OrganizationId organization, DateTimeOffset now) =>
        Base(id, organization, now, "Visitor kiosk", AccessPolicy.Building) with
        {
            Checks = new AccessChecks { SuccessText = "Welcome, {FirstName}! You are checked in." },
            Advanced = new AdvancedSettings { CheckQrValidity = false },
        };

    private static AccessLogic Base(AccessLogicId id, OrganizationId organization, DateTimeOffset now, string name, AccessPolicy policy) =>
        new() { Id = id, Organization = organization, Name = name, Policy = policy, CreatedAt = now, ModifiedAt = now };
}
