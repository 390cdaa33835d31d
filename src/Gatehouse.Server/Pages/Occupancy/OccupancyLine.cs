namespace Gatehouse.Server.Pages.Occupancy;

/// <summary>People present in a site or zone against its capacity (R-OPS-04); no capacity means unlimited.</summary>
public sealed record OccupancyLine(string Name, bool IsSite, int Present, int? Capacity)
{
    public int Percent => Capacity is > 0 and var c ? Math.Min(100, Present * 100 / c) : 0;

    public string Level => Capacity is null ? "" : Present >= Capacity ? "full" : Percent >= 80 ? "high" : "";
}
