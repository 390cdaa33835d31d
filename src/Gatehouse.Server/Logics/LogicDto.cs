using Gatehouse.Engine.Logic;

namespace Gatehouse.Server.Logics;

/// <summary>An access logic definition (R-GYM-01): id, name, policies, times, and every check, setting and action.</summary>
public sealed record LogicDto(
    long Id,
    string Name,
    int Version,
    AccessPolicy Policy,
    string? CustomPolicy,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt,
    AccessChecks Checks,
    AdvancedSettings Advanced,
    AccessActions Actions)
{
    public static LogicDto From(AccessLogic l) =>
        new(l.Id.Value, l.Name, l.Version, l.Policy, l.CustomPolicy, l.CreatedAt, l.ModifiedAt, l.Checks, l.Advanced, l.Actions);
}
