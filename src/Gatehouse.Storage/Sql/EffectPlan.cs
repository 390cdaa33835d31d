using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>One claimed append's effects while its batch is written, and what became of them.</summary>
internal sealed class EffectPlan(PendingAppend pending, AccessEvent @event, DecisionActions wanted, List<EffectStep> conditional, List<EffectStep> rest)
{
    public const DecisionActions Effects = DecisionActions.AddPresence | DecisionActions.RemovePresence | DecisionActions.LockDoubleScan
        | DecisionActions.MarkQrUsage | DecisionActions.CollectCard | DecisionActions.UseZoneProduct | DecisionActions.MarkFacilityBookingUsage
        | DecisionActions.VisitorCheckIn | DecisionActions.VisitorCheckOut;

    public PendingAppend Pending => pending;

    public AccessEvent Event => @event;

    public DecisionActions Wanted => wanted;

    public List<EffectStep> Conditional => conditional;

    public List<EffectStep> Rest => rest;

    /// <summary>The conditional step that lost its race, if one did.</summary>
    public EffectStep? Lost { get; private set; }

    public DecisionActions Failed { get; private set; }

    public void Lose(EffectStep step)
    {
        Lost = step;
        pending.IndexChanges.Clear();
    }

    public void Fail(EffectStep step) => Failed |= step.Action;

    /// <summary>The stored event: a lost race turns it into a denial with the race's reason and no effects.</summary>
    public AppendResult Finish(AccessIndex index)
    {
        if (Lost is { Reason: { } reason } race)
        {
            var denied = @event with
            {
                Outcome = Outcome.Denied,
                Reasons = [.. @event.Reasons.Where(r => r != reason), reason],
                Actions = @event.Actions & ~Effects,
                Listed = true,
                DisplayText = OverruledText.Render(@event, reason, index),
            };
            return new AppendResult(denied, false, race.Action, Overruled: true);
        }

        // The event itself when every wanted effect was applied (the common case): no copy on the scan path.
        var actions = (@event.Actions & ~Effects) | (wanted & ~Failed);
        return new AppendResult(actions == @event.Actions ? @event : @event with { Actions = actions }, false, Failed);
    }
}
