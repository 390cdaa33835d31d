using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// The display text of an event the store overruled to a denial: the logic's failure text, rendered by the
/// engine with the lost race's reason first (so "{Reason}" names it), instead of the granted decision's welcome.
/// </summary>
internal static class OverruledText
{
    private const string DefaultFailureText = "Access denied: {Reason}";

    public static string Render(AccessEvent e, ReasonCode reason, AccessIndex index)
    {
        var reasons = default(ReasonList);
        reasons.Add(reason);
        foreach (var other in e.Reasons)
        {
            reasons.Add(other);
        }

        var logic = e.Logic is { } id ? index.FindLogic(id) : null;
        var decision = new Decision
        {
            Outcome = Outcome.Denied,
            Reasons = reasons,
            Device = e.Device,
            At = e.At,
            Direction = e.Direction,
            Site = e.Site,
            Zone = e.Zone,
            Person = e.Person is { } person ? index.FindEntitlements(person)?.Person : null,
            Logic = e.Logic,
            LogicVersion = e.LogicVersion,
            Mode = e.Mode,
            VisitReason = e.VisitReason,
            TextTemplate = logic?.Checks.FailureText ?? DefaultFailureText,
            SiteTimeZone = e.Site is { } site ? index.FindSite(site)?.TimeZone : null,
        };
        return decision.DisplayText;
    }
}
