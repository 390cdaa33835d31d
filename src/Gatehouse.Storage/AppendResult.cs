using Gatehouse.Engine.Decisions;

namespace Gatehouse.Storage;

/// <summary>
/// What <see cref="IEventLog.AppendAsync"/> stored. <see cref="Duplicate"/>: the (device, request id) was seen
/// before and <see cref="Event"/> is the first answer (R-DEC-05). <see cref="FailedEffects"/>: conditional side
/// effects that could not be applied. When a conditional one lost a race (AddPresence: already present, where
/// <see cref="EventAppend.RequireAbsent"/> says absence is required;
/// MarkQrUsage: QR already used; UseZoneProduct: no entries left) the store writes the event as a denial with the
/// matching reason (AlreadyPresent, CredentialAlreadyUsed, NoEntrancesLeft), applies none of its side effects and
/// sets <see cref="Overruled"/> (display text: the logic's failure text with that reason), so the log never says "granted" for an entry that did not happen. Others
/// (RemovePresence with nobody present, a booking or card already gone) are reported but do not change the event.
/// Answer with <see cref="Event"/>, not with the decision you passed in.
/// </summary>
public sealed record AppendResult(AccessEvent Event, bool Duplicate = false, DecisionActions FailedEffects = DecisionActions.None, bool Overruled = false);
