using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

public sealed class CredentialRuleTests
{
    [Theory]
    [InlineData(CredentialFlags.Lost, true, false, ReasonCode.CredentialLost)]
    [InlineData(CredentialFlags.Lost, false, false, null)]
    [InlineData(CredentialFlags.Guest, false, true, ReasonCode.GuestCardBlocked)]
    [InlineData(CredentialFlags.Guest, false, false, null)]
    [InlineData(CredentialFlags.Blocked, false, false, ReasonCode.CredentialBlocked)]
    // R-GYM-17
    public void Lost_and_guest_cards_are_blocked_when_switched_on_R_GYM_17(CredentialFlags flags, bool blockLost, bool blockGuest, ReasonCode? expected)
    {
        var world = new World().Advanced(a => a with { BlockLostCards = blockLost, BlockGuestCards = blockGuest });
        world.Person().Contract().Flags(flags);

        Expect.Only(world.Scan("card-1"), expected);
    }

    [Theory]
    [InlineData(-1, ReasonCode.CredentialNotYetValid)]
    [InlineData(0, null)]
    [InlineData(3599, null)]
    [InlineData(3600, ReasonCode.CredentialExpired)]
    // R-GYM-17
    public void Credential_validity_is_half_open_R_GYM_17(int secondsFromStart, ReasonCode? expected)
    {
        var world = new World();
        world.Person().Contract().Credential("card-1", validity: TimeWindow.Starting(World.Now, TimeSpan.FromHours(1)));

        Expect.Only(world.Scan("card-1", World.Now.AddSeconds(secondsFromStart)), expected);
    }

    [Theory]
    [InlineData(CredentialKind.Fingerprint, false, false, CredentialFlags.None, ReasonCode.FingerprintNotAccepted)]
    [InlineData(CredentialKind.Fingerprint, true, false, CredentialFlags.None, null)]
    [InlineData(CredentialKind.Card, false, true, CredentialFlags.None, ReasonCode.FingerprintNotOnCard)]
    [InlineData(CredentialKind.Card, false, true, CredentialFlags.FingerprintOnCard, null)]
    [InlineData(CredentialKind.Card, false, false, CredentialFlags.None, null)]
    // R-GYM-18
    public void Fingerprint_rules_R_GYM_18(CredentialKind kind, bool useFingerprint, bool requireOnCard, CredentialFlags flags, ReasonCode? expected)
    {
        var world = new World().Advanced(a => a with { UseFingerprint = useFingerprint, RequireFingerprintOnCard = requireOnCard });
        world.Person("fp-1", credentialKind: kind).Contract().Flags(flags);

        Expect.Only(world.Scan("fp-1"), expected);
    }
}
