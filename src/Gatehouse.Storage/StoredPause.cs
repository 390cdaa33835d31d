using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>A subscription pause with its row id and the person whose passes it freezes (the engine's record has neither).</summary>
public sealed record StoredPause(long Id, PersonId Person, SubscriptionPause Pause);
