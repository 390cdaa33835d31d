using Gatehouse.Engine.Decisions;

namespace Gatehouse.Engine.Tests.Arrange;

/// <summary>Exact outcome and exact reason codes, in the order the checks ran.</summary>
internal static class Expect
{
    public static void Granted(Decision decision)
    {
        Assert.Equal([], decision.Reasons.ToArray());
        Assert.Equal(Outcome.Granted, decision.Outcome);
    }

    public static void Denied(Decision decision, params ReasonCode[] codes)
    {
        Assert.Equal(codes, decision.Reasons.ToArray());
        Assert.Equal(Outcome.Denied, decision.Outcome);
    }

    public static void Warning(Decision decision, params ReasonCode[] codes)
    {
        Assert.Equal(codes, decision.Reasons.ToArray());
        Assert.Equal(Outcome.Warning, decision.Outcome);
    }

    /// <summary>For theories: null means granted, else exactly that one code (denial or warning by the catalog).</summary>
    public static void Only(Decision decision, ReasonCode? code)
    {
        if (code is null)
        {
            Granted(decision);
        }
        else if (code.Value.IsWarning())
        {
            Warning(decision, code.Value);
        }
        else
        {
            Denied(decision, code.Value);
        }
    }
}
