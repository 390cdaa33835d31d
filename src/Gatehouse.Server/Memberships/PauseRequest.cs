namespace Gatehouse.Server.Memberships;

/// <summary>Pause a subscription over [from, until).</summary>
public sealed record PauseRequest(long SubscriptionId, DateTimeOffset? From, DateTimeOffset? Until);
