using Gatehouse.Engine.Logic;

namespace Gatehouse.Server.Logics;

/// <summary>
/// Create or edit an access logic. On create, <see cref="Preset"/> (a key from <c>GET /api/v1/access-logic-presets</c>)
/// gives the starting point and any other field given overrides it; on edit the fields given replace the stored ones.
/// </summary>
public sealed record LogicRequest(
    string? Preset = null,
    string? Name = null,
    AccessPolicy? Policy = null,
    string? CustomPolicy = null,
    AccessChecks? Checks = null,
    AdvancedSettings? Advanced = null,
    AccessActions? Actions = null);
