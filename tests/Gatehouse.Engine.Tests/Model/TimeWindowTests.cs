using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Tests.Model;

public sealed class TimeWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(3599, true)]
    [InlineData(3600, false)]
    public void Window_is_half_open(int secondsFromStart, bool inside)
    {
        var window = TimeWindow.Starting(Start, TimeSpan.FromHours(1));

        Assert.Equal(inside, window.Contains(Start.AddSeconds(secondsFromStart)));
    }

    [Fact]
    public void Refuses_a_window_that_ends_before_it_starts()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeWindow(Start, Start.AddTicks(-1)));
    }
}
