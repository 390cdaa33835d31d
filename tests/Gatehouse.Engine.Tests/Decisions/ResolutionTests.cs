using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Decisions;

// R-DEC-03: every gap in what the scan refers to is a denial with its own code, never an exception.
public sealed class ResolutionTests
{
    [Fact]
    // R-DEC-03
    public void Denies_unknown_device_R_DEC_03()
    {
        var world = new World();
        world.Person().Contract();

        var decision = world.Scan("card-1", device: new DeviceId(999));

        Expect.Denied(decision, ReasonCode.UnknownDevice);
        Assert.Equal(new DeviceId(999), decision.Device);
        Assert.Null(decision.Person);
    }

    [Fact]
    // R-DEC-03
    public void Denies_disabled_device_R_DEC_03()
    {
        var world = new World().ChangeGate(d => d with { Enabled = false });
        world.Person().Contract();

        Expect.Denied(world.Scan("card-1"), ReasonCode.DeviceDisabled);
    }

    [Fact]
    // R-DEC-03
    public void Denies_device_without_logic_R_DEC_03()
    {
        var world = new World().ChangeGate(d => d with { Logic = new AccessLogicId(404) });
        world.Person().Contract();

        Expect.Denied(world.Scan("card-1"), ReasonCode.DeviceNotConfigured);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-such-card")]
    [InlineData("CARD-1")]
    // R-DEC-03
    public void Denies_unknown_credential_R_DEC_03(string presented)
    {
        var world = new World();
        world.Person("card-1").Contract();

        var decision = world.Scan(presented);

        Expect.Denied(decision, ReasonCode.UnknownCredential);
        Assert.Equal(Outcome.Denied, decision.Outcome);
    }

    [Fact]
    // R-DEC-03
    public void Does_not_find_a_card_of_another_organization_R_DEC_03()
    {
        var world = new World();
        world.PersonOf(World.OtherOrg, "foreign-card").Contract();

        Expect.Denied(world.Scan("foreign-card"), ReasonCode.UnknownCredential);
    }

    [Fact]
    // R-DEC-03
    public void Denies_credential_whose_person_belongs_to_another_organization_R_DEC_03()
    {
        var world = new World();
        var foreigner = world.PersonOf(World.OtherOrg, "x");

        // A credential filed under this organization but pointing at a foreign person (bad data) still decides.
        world.Add(foreigner.Card with { Value = "leaked" }, World.Org);

        var decision = world.Scan("leaked");

        Expect.Denied(decision, ReasonCode.DeviceOfOtherOrganization);
        Assert.Null(decision.Person);
    }

    [Fact]
    // R-DEC-03
    public void Denies_deactivated_person_R_DEC_03()
    {
        var world = new World();
        world.Person().Contract().Profile(p => p with { Active = false });

        Expect.Denied(world.Scan("card-1"), ReasonCode.PersonInactive);
    }

    [Fact]
    // R-DEC-03
    public void Denies_credential_of_unknown_person_R_DEC_03()
    {
        var world = new World();
        world.Add(new Credential(new CredentialId(77), new PersonId(123456), CredentialKind.Card, "orphan"));

        Expect.Denied(world.Scan("orphan"), ReasonCode.UnknownCredential);
    }
}
