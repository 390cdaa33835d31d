namespace Gatehouse.Engine.Model;

/// <summary>A period during which a subscription is frozen; its passes do not grant entry then (R-STU-04).</summary>
public sealed record SubscriptionPause(SubscriptionId Subscription, TimeWindow Period);
