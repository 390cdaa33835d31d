using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Demo;

/// <summary>The access logics of the demo, one per kind of device, named after the engine's preset keys.</summary>
public static class DemoLogics
{
    public static AccessLogic GymEntryGate(OrganizationId org) => new()
    {
        Id = default,
        Organization = org,
        Name = "GymEntryGate",
        Policy = AccessPolicy.Membership,
        Checks = new AccessChecks { CheckMembershipBalance = true, CheckLackOfPresence = true, CheckDoubleScan = true },
        Advanced = new AdvancedSettings { AllowedDaysInDebt = 7, EnablePreVerification = true, AllowAccessWithBooking = true },
        Actions = new AccessActions { AddPresence = true },
    };

    public static AccessLogic GymExitGate(OrganizationId org) => new()
    {
        Id = default,
        Organization = org,
        Name = "GymExitGate",
        Policy = AccessPolicy.Membership,
        Checks = new AccessChecks { CheckAccessRules = false, CheckZoneType = false, CheckPresence = true, SuccessText = "Goodbye, {FirstName}!" },
        Advanced = new AdvancedSettings { BlockGuestCards = true, BlockLostCards = false },
        Actions = new AccessActions { DeactivatePresence = true, CollectCard = false },
    };

    public static AccessLogic GymSingleReader(OrganizationId org) => new()
    {
        Id = default,
        Organization = org,
        Name = "GymSingleReader",
        Policy = AccessPolicy.Membership,
        Checks = new AccessChecks { CheckMembershipBalance = true },
        Advanced = new AdvancedSettings { AllowedDaysInDebt = 7 },
        Actions = new AccessActions { AddPresence = true, DeactivatePresence = true },
    };

    public static AccessLogic StudioFrontDesk(OrganizationId org) => new()
    {
        Id = default,
        Organization = org,
        Name = "StudioFrontDesk",
        Policy = AccessPolicy.Studio,
        Checks = new AccessChecks { StudioWarnings = true, AllowUpcomingBooking = true, CheckLocalisation = true, CheckZoneType = false },
        Actions = new AccessActions { AddPresence = true, NotifyFrontDesk = true, OpenProfileAtFrontDesk = true },
    };

    public static AccessLogic StudioAutomaticDoor(OrganizationId org) => new()
    {
        Id = default,
        Organization = org,
        Name = "StudioAutomaticDoor",
        Policy = AccessPolicy.Studio,
        Checks = new AccessChecks { StudioWarnings = true, AllowUpcomingBooking = true, CheckZoneType = false },
        Actions = new AccessActions { AddPresence = true },
    };

    public static AccessLogic OfficeKiosk(OrganizationId org) => new()
    {
        Id = default,
        Organization = org,
        Name = "OfficeVisitorKiosk",
        Policy = AccessPolicy.Building,
        Checks = new AccessChecks { SuccessText = "Welcome, {FirstName}. Your host is on the way." },
    };

    public static AccessLogic OfficeDoor(OrganizationId org) => new()
    {
        Id = default,
        Organization = org,
        Name = "OfficeDoor",
        Policy = AccessPolicy.Building,
        Checks = new AccessChecks { EmployeePolicy = EmployeePolicy.TreatAsMember },
    };
}
