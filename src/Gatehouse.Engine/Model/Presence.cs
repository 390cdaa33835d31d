namespace Gatehouse.Engine.Model;

/// <summary>
/// The person is inside <see cref="Site"/> since <see cref="Since"/>. <see cref="MarkedByStaff"/> is a presence
/// ticked by hand at the desk, which can skip membership validation (R-GYM-15). A value, not an object: it changes
/// on every entry and exit, and a directory can keep it in place and hand out copies without allocating.
/// </summary>
public readonly record struct Presence(PersonId Person, SiteId Site, DateTimeOffset Since, bool MarkedByStaff = false, ZoneId? Zone = null);
