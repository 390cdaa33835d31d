using Gatehouse.Engine.Decisions;

namespace Gatehouse.Storage.Sql;

/// <summary>A conditional side effect that could not be applied, and the denial reason it turns into.</summary>
internal sealed record LostRace(DecisionActions Action, ReasonCode Reason);
