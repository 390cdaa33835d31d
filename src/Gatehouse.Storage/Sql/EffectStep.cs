using System.Data.Common;
using Gatehouse.Engine.Decisions;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// One side-effect statement. Every statement has a RETURNING clause, so each yields exactly one result set (empty
/// when it changed nothing): that lets the writer run many of them in one round trip (a DbBatch) or one by one,
/// with the same meaning. <see cref="Apply"/> reads the first row (null when none), queues the index change and
/// says whether the effect happened; for a conditional step false means a lost race turning into <see cref="Reason"/>.
/// <see cref="Bulk"/>, when given, runs many steps like this one as one statement (PostgreSQL, <see cref="EffectBatch"/>).
/// </summary>
internal sealed record EffectStep(DecisionActions Action, ReasonCode? Reason, string Sql, (string Name, object? Value)[] Args, Func<DbDataReader?, bool> Apply, BulkShape? Bulk = null)
{
    public bool Conditional => Reason is not null;
}
