using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>An entrance product: entries into zones of the given types, e.g. "10 sauna entries" (R-GYM-07).</summary>
public sealed record ProductDto(
    long Id,
    long PersonId,
    string Name,
    IReadOnlyList<ZoneType> ZoneTypes,
    int RemainingEntries,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil)
{
    public static ProductDto From(EntranceProduct p) =>
        new(p.Id.Value, p.Person.Value, p.Name, p.ZoneTypes, p.RemainingEntries, p.Validity?.From, p.Validity?.Until);
}
