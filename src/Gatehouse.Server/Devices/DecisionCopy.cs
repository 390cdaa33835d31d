using Gatehouse.Engine.Decisions;

namespace Gatehouse.Server.Devices;

/// <summary>A decision with some fields changed by the server after the engine decided (external answer, no-op effects).</summary>
public static class DecisionCopy
{
    public static Decision With(Decision d, Outcome outcome, ReasonList reasons, VisitReason visitReason, DecisionActions actions, string? template) => new()
    {
        Outcome = outcome,
        Reasons = reasons,
        Device = d.Device,
        At = d.At,
        Direction = d.Direction,
        Site = d.Site,
        Zone = d.Zone,
        Credential = d.Credential,
        Person = d.Person,
        Logic = d.Logic,
        LogicVersion = d.LogicVersion,
        Mode = d.Mode,
        PreVerification = d.PreVerification,
        VisitReason = visitReason,
        PassInUse = d.PassInUse,
        NextBooking = d.NextBooking,
        Actions = d.PreVerification ? DecisionActions.None : actions,
        AskExternal = false,
        TextTemplate = template,
        PosBalance = d.PosBalance,
        AccountBalance = d.AccountBalance,
        SiteTimeZone = d.SiteTimeZone,
    };
}
