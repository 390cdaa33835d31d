namespace Gatehouse.Engine.Model;

/// <summary>
/// The person is inside <see cref="Site"/> since <see cref="Since"/>. <see cref="MarkedByStaff"/> is a presence
/// ticked by hand at the desk, which can skip membership validation (R-GYM-15).
/// </summary>
public sealed record Presence(PersonId Person, SiteId Site, DateTimeOffset Since, bool MarkedByStaff = false, ZoneId? Zone = null);
