using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Devices;

namespace Gatehouse.Server.External;

/// <summary>
/// Folds an external source's answer into the engine's decision (R-GYM-20): a yes grants with the logic's entry
/// actions, a no denies with ExternalAccessDenied, silence denies with ExternalAccessUnavailable.
/// </summary>
public static class ExternalVerdict
{
    public static Decision Apply(Decision decision, ExternalAnswer answer, AccessLogic logic)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(logic);
        var reasons = default(ReasonList);
        for (var i = 0; i < decision.Reasons.Count; i++)
        {
            // On a yes only the warnings stay: the failed internal checks are what the external source overrides.
            if (answer != ExternalAnswer.Allowed || decision.Reasons[i].IsWarning())
            {
                reasons.Add(decision.Reasons[i]);
            }
        }

        if (answer == ExternalAnswer.Allowed)
        {
            return DecisionCopy.With(decision, reasons.Count > 0 ? Outcome.Warning : Outcome.Granted, reasons,
                new VisitReason(VisitReasonKind.External, null, "External"),
                decision.Actions | DecisionActions.LogEvent | EntryActions(logic, decision.Direction),
                logic.Checks.SuccessText);
        }

        reasons.Add(answer == ExternalAnswer.Denied ? ReasonCode.ExternalAccessDenied : ReasonCode.ExternalAccessUnavailable);
        var denialActions = logic.Actions.LogUnsuccessfulScans ? DecisionActions.LogEvent : DecisionActions.None;
        return DecisionCopy.With(decision, Outcome.Denied, reasons, VisitReason.None, denialActions, logic.Checks.FailureText);
    }

    private static DecisionActions EntryActions(AccessLogic logic, Direction direction)
    {
        var actions = DecisionActions.None;
        if (logic.Actions.AddPresence && direction == Direction.In)
        {
            actions |= DecisionActions.AddPresence;
        }

        if (logic.Actions.AddPresence && logic.Actions.DeactivatePresence && direction == Direction.Out)
        {
            actions |= DecisionActions.RemovePresence;
        }

        if (logic.Checks.CheckDoubleScan)
        {
            actions |= DecisionActions.LockDoubleScan;
        }

        return actions;
    }
}
