using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>Create or replace a booking; the slot is [start, end).</summary>
public sealed record BookingRequest(
    BookingKind Kind, string? Name, long SiteId, DateTimeOffset? Start, DateTimeOffset? End,
    string? Teacher = null, string? Spot = null, IReadOnlyList<ZoneType>? ZoneTypes = null, bool Used = false, bool Cancelled = false);
