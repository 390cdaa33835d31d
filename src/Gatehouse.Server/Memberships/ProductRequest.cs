using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>Create or replace an entrance product; without validFrom and validUntil it never expires, else it is valid in [validFrom, validUntil).</summary>
public sealed record ProductRequest(
    string? Name,
    IReadOnlyList<ZoneType>? ZoneTypes,
    int? RemainingEntries,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidUntil = null);
