using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Logic;

/// <summary>
/// A named starting point for a new access logic, so a user picks "gym entry gate" instead of setting every
/// switch. <see cref="Key"/> is stable (used by the API and the web editor); <see cref="Create"/> builds the logic.
/// </summary>
public sealed record AccessLogicPreset(
    string Key,
    string Name,
    string Description,
    Func<AccessLogicId, OrganizationId, DateTimeOffset, AccessLogic> Create);
