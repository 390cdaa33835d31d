using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Gym;

// R-GYM-13: success and failure texts with placeholders.
public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("Welcome, {FirstName}!", "Welcome, Anna!")]
    [InlineData("{FullName} / {LastName}", "Anna Nowak / Nowak")]
    [InlineData("{ContractName} until {ContractEnd}", "Gold until 2026-06-30")]
    [InlineData("Balance {Balance}, bar {PosBalance}", "Balance 12.50, bar -3.00")]
    [InlineData("Visit: {VisitReason}", "Visit: Gold")]
    [InlineData("Next: {NextBooking}", "Next: Yoga 18:00 with Ola, spot 7")]
    [InlineData("Hi {Nickname}", "Hi {Nickname}")]
    [InlineData("Hi {FirstName", "Hi {FirstName")]
    [InlineData("{a {FirstName}}", "{a Anna}")]
    [InlineData("", "")]
    [InlineData("No placeholders", "No placeholders")]
    // R-GYM-13
    public void Success_text_renders_placeholders_R_GYM_13(string template, string expected)
    {
        var world = new World().Checks(c => c with { SuccessText = template });

        // Valid until midnight at the start of 1 July in Warsaw: the last valid day is 30 June.
        var anna = world.Person()
            .Contract(c => c with { Name = "Gold", Validity = new TimeWindow(World.Now.AddDays(-1), new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.FromHours(2))) })
            .With(e => e with { AccountBalance = 12.5m, PosBalance = -3m });
        anna.Booking(anna.NewBooking(BookingKind.ClassSession, Time.InWarsaw("2026-03-04T18:00:00")));

        Assert.Equal(expected, world.Scan("card-1").DisplayText);
    }

    [Fact]
    // R-GYM-13
    public void Failure_text_shows_the_first_reason_R_GYM_13()
    {
        var world = new World().Checks(c => c with { FailureText = "Sorry {FirstName}: {Reason}" });
        world.Person();

        Assert.Equal("Sorry Anna: No valid pass or contract.", world.Scan("card-1").DisplayText);
    }

    [Fact]
    // R-GYM-13
    public void Unknown_device_still_has_a_text_R_GYM_13()
    {
        var world = new World();

        Assert.Equal("Access denied: The device is not registered.", world.Scan("x", device: new DeviceId(5)).DisplayText);
    }
}
