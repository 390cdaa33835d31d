using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Demo;

/// <summary>The access logics of the demo: the engine's presets, with pre-verification on at the gym entry (R-GYM-22).</summary>
public static class DemoLogics
{
    public static AccessLogic GymEntryGate(OrganizationId org, DateTimeOffset now)
    {
        var preset = AccessLogicPresets.GymEntryGate(default, org, now);
        return preset with { Advanced = preset.Advanced with { EnablePreVerification = true, AllowedDaysInDebt = 7 } };
    }

    public static AccessLogic GymExitGate(OrganizationId org, DateTimeOffset now) => AccessLogicPresets.GymExitGate(default, org, now);

    public static AccessLogic GymSingleReader(OrganizationId org, DateTimeOffset now) => AccessLogicPresets.GymSingleReader(default, org, now);

    public static AccessLogic StudioFrontDesk(OrganizationId org, DateTimeOffset now) => AccessLogicPresets.StudioFrontDesk(default, org, now);

    public static AccessLogic StudioDoor(OrganizationId org, DateTimeOffset now) => AccessLogicPresets.StudioDoor(default, org, now);

    public static AccessLogic VisitorKiosk(OrganizationId org, DateTimeOffset now) => AccessLogicPresets.VisitorKiosk(default, org, now);

    public static AccessLogic OfficeEmployeeDoor(OrganizationId org, DateTimeOffset now) => AccessLogicPresets.OfficeEmployeeDoor(default, org, now);
}
