using Gatehouse.Storage;

namespace Gatehouse.Server.Memberships;

/// <summary>A subscription pause: its passes do not grant entry in [from, until) (R-STU-04).</summary>
public sealed record PauseDto(long Id, long PersonId, long SubscriptionId, DateTimeOffset From, DateTimeOffset Until)
{
    public static PauseDto Of(StoredPause p) => new(p.Id, p.Person.Value, p.Pause.Subscription.Value, p.Pause.Period.From, p.Pause.Period.Until);
}
