namespace Gatehouse.Engine.Model;

/// <summary>
/// A named set of zones (doors, elevator floors, car park) used for visitors and employees (R-VIS-03, R-EMP-03).
/// </summary>
public sealed record AccessLevel(AccessLevelId Id, OrganizationId Organization, string Name, IReadOnlyList<ZoneId> Zones)
{
    public bool Includes(ZoneId zone) => Zones.Contains(zone);
}
