namespace Gatehouse.Engine.Model;

/// <summary>A product that lets its owner into zones of given types a number of times (R-GYM-07), e.g. "10 sauna entries".</summary>
public sealed record EntranceProduct(
    EntranceProductId Id,
    PersonId Person,
    string Name,
    IReadOnlyList<ZoneType> ZoneTypes,
    int RemainingEntries,
    TimeWindow? Validity = null);
