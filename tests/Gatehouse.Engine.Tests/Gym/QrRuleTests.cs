using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

// R-GYM-19: block QR codes, check QR site, check QR validity, mark QR usage.
public sealed class QrRuleTests
{
    private static (World World, PersonBuilder Anna) QrWorld()
    {
        var world = new World();
        var anna = world.Person("m-42", credentialKind: CredentialKind.StaticQr).Contract();
        return (world, anna);
    }

    private static string Qr(DateTimeOffset issued, SiteId? site = null) => StaticQrCode.Issue(World.QrKey, "m-42", site ?? World.Club, issued);

    [Theory]
    [InlineData(0, null)]
    [InlineData(14 * 60 + 59, null)]
    [InlineData(15 * 60, ReasonCode.QrExpired)]
    [InlineData(-1, ReasonCode.CredentialNotYetValid)]
    // R-GYM-19
    public void Qr_is_valid_for_exactly_fifteen_minutes_R_GYM_19(int secondsAfterIssue, ReasonCode? expected)
    {
        var (world, _) = QrWorld();

        Expect.Only(world.Scan(Qr(World.Now), World.Now.AddSeconds(secondsAfterIssue)), expected);
    }

    [Fact]
    // R-GYM-19
    public void Old_qr_passes_when_validity_is_not_checked_R_GYM_19()
    {
        var (world, _) = QrWorld();
        world.Advanced(a => a with { CheckQrValidity = false });

        Expect.Granted(world.Scan(Qr(World.Now.AddDays(-30))));
    }

    [Theory]
    [InlineData(true, ReasonCode.QrWrongSite)]
    [InlineData(false, null)]
    // R-GYM-19
    public void Qr_of_another_club_is_refused_when_site_is_checked_R_GYM_19(bool checkSite, ReasonCode? expected)
    {
        var (world, _) = QrWorld();
        world.Advanced(a => a with { CheckQrSite = checkSite });

        Expect.Only(world.Scan(Qr(World.Now, World.OtherClub)), expected);
    }

    [Fact]
    // R-GYM-19
    public void Blocked_qr_codes_are_refused_R_GYM_19()
    {
        var (world, _) = QrWorld();
        world.Advanced(a => a with { BlockQrCodes = true });

        Expect.Denied(world.Scan(Qr(World.Now)), ReasonCode.QrCodesBlocked);
    }

    [Fact]
    // R-GYM-19
    public void Forged_signature_and_bare_number_are_refused_R_GYM_19()
    {
        var (world, _) = QrWorld();
        var genuine = Qr(World.Now);
        var forged = genuine[..^4] + (genuine.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        Expect.Denied(world.Scan(forged), ReasonCode.QrSignatureInvalid);
        Expect.Denied(world.Scan("m-42"), ReasonCode.QrSignatureInvalid);
        Expect.Denied(world.Scan(StaticQrCode.Issue([7, 7, 7], "m-42", World.Club, World.Now)), ReasonCode.QrSignatureInvalid);
    }

    [Fact]
    // R-GYM-19, R-GYM-21
    public void Marked_qr_is_single_use_R_GYM_19_R_GYM_21()
    {
        var (world, anna) = QrWorld();
        world.Actions(a => a with { MarkQrUsage = true });
        var qr = Qr(World.Now);

        var first = world.Scan(qr);
        Expect.Granted(first);
        Assert.True(first.Actions.HasFlag(DecisionActions.MarkQrUsage));

        anna.Flags(CredentialFlags.Used); // what the server does with the action
        Expect.Denied(world.Scan(qr, World.Now.AddMinutes(1)), ReasonCode.CredentialAlreadyUsed);
    }

    [Fact]
    // R-GYM-19
    public void Qr_is_reusable_without_mark_usage_R_GYM_19()
    {
        var (world, anna) = QrWorld();
        anna.Flags(CredentialFlags.Used);

        var decision = world.Scan(Qr(World.Now));

        Expect.Granted(decision);
        Assert.False(decision.Actions.HasFlag(DecisionActions.MarkQrUsage));
    }
}
