using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Topology;

/// <summary>An access level: the zones a visitor category or a company's employees may enter (R-VIS-03, R-EMP-03).</summary>
public sealed record LevelDto(long Id, string Name, IReadOnlyList<long> ZoneIds)
{
    public static LevelDto From(AccessLevel level) => new(level.Id.Value, level.Name, level.Zones.Select(z => z.Value).ToArray());
}
