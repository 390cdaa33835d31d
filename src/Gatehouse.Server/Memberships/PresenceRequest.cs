namespace Gatehouse.Server.Memberships;

/// <summary>Mark a person present by hand at the desk (R-GYM-15).</summary>
public sealed record PresenceRequest(long SiteId, long? ZoneId = null);
