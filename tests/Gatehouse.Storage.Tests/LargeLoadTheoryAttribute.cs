namespace Gatehouse.Storage.Tests;

/// <summary>A theory that runs only when GATEHOUSE_LARGE_LOAD=1 (it seeds millions of rows), and shows as skipped otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LargeLoadTheoryAttribute : TheoryAttribute
{
    public LargeLoadTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable("GATEHOUSE_LARGE_LOAD") != "1")
        {
            Skip = "Large load is opt-in: set GATEHOUSE_LARGE_LOAD=1";
        }
    }
}
