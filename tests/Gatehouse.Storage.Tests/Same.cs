namespace Gatehouse.Storage.Tests;

/// <summary>Event equality for tests: records compare lists by reference, so compare the reasons by value.</summary>
internal static class Same
{
    public static void Event(AccessEvent expected, AccessEvent? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Reasons, actual.Reasons);
        Assert.Equal(expected with { Reasons = [] }, actual with { Reasons = [] });
    }
}
