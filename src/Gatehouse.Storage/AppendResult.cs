using Gatehouse.Engine.Decisions;

namespace Gatehouse.Storage;

/// <summary>
/// What <see cref="IEventLog.AppendAsync"/> stored. <see cref="Duplicate"/>: the (device, request id) was seen
/// before and <see cref="Event"/> is the first answer (R-DEC-05). <see cref="FailedEffects"/>: conditional side
/// effects that lost a race (already present, QR already used, no entries left); the store then writes the event
/// as a denial with the matching reason (AlreadyPresent, CredentialAlreadyUsed, NoEntrancesLeft) and applies none
/// of its side effects, so the log never says "granted" for an entry that did not happen. Answer with
/// <see cref="Event"/>, not with the decision you passed in.
/// </summary>
public sealed record AppendResult(AccessEvent Event, bool Duplicate = false, DecisionActions FailedEffects = DecisionActions.None)
{
    public bool Overruled => FailedEffects != DecisionActions.None;
}
