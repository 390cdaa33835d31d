using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Logic;

/// <summary>
/// A named, versioned set of checks, parameters and actions (R-GYM-01). One logic serves many devices; every
/// edit bumps <see cref="Version"/>, and each decision records the id and version that produced it.
/// </summary>
public sealed record AccessLogic
{
    public required AccessLogicId Id { get; init; }

    public required OrganizationId Organization { get; init; }

    public required string Name { get; init; }

    public int Version { get; init; } = 1;

    public AccessPolicy Policy { get; init; } = AccessPolicy.Membership;

    /// <summary>Optional name of a custom policy; rarely used.</summary>
    public string? CustomPolicy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ModifiedAt { get; init; }

    public AccessChecks Checks { get; init; } = new();

    public AdvancedSettings Advanced { get; init; } = new();

    public AccessActions Actions { get; init; } = new();

    /// <summary>Impossible values (R-GYM-01), e.g. a positive booking start offset or a negative POS limit; empty when valid.</summary>
    public IReadOnlyList<AccessLogicError> Validate() => AccessLogicValidation.Validate(this);
}
