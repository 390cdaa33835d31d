using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>A person inside a site since a time; ticked by staff or added by a scan (R-GYM-15, R-OPS-04).</summary>
public sealed record PresenceDto(long PersonId, long SiteId, long? ZoneId, DateTimeOffset Since, bool MarkedByStaff)
{
    public static PresenceDto From(Presence p) => new(p.Person.Value, p.Site.Value, p.Zone?.Value, p.Since, p.MarkedByStaff);
}
