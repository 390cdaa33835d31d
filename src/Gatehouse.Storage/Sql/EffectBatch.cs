using System.Data.Common;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// Effect steps as commands of one <see cref="DbBatch"/> (PostgreSQL): steps of a <see cref="BulkShape"/> that
/// occurs more than once become one statement over arrays, the others run as they are. Statements keep the order
/// of each shape's first step; the steps of one batch commute (distinct people and credentials), so only each
/// step's own answer matters, and that is what <see cref="ReadAsync"/> gives back, in the steps' order.
/// </summary>
internal sealed class EffectBatch
{
    private readonly IReadOnlyList<EffectStep> _steps;

    // Per statement, the positions in _steps of the steps it runs; a bulk statement returns each row's position.
    private readonly List<(SqlStatement Statement, List<int> Steps, bool Bulk)> _statements = [];

    public EffectBatch(IReadOnlyList<EffectStep> steps)
    {
        _steps = steps;
        var byShape = new Dictionary<BulkShape, List<int>>(ReferenceEqualityComparer.Instance);
        var order = new List<(BulkShape? Shape, int Step)>();
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Bulk is not { } shape)
            {
                order.Add((null, i));
            }
            else if (byShape.TryGetValue(shape, out var same))
            {
                same.Add(i);
            }
            else
            {
                byShape[shape] = [i];
                order.Add((shape, i));
            }
        }

        foreach (var (shape, step) in order)
        {
            if (shape is not null && byShape[shape] is { Count: > 1 } group)
            {
                _statements.Add((shape.Bind([.. group.Select(i => steps[i])]), group, true));
            }
            else
            {
                _statements.Add((new SqlStatement(steps[step].Sql, steps[step].Args), [step], false));
            }
        }
    }

    /// <summary>Adds one command per statement; each yields one result set, read by <see cref="ReadAsync"/>.</summary>
    public void AddTo(DbBatch batch)
    {
        foreach (var (statement, _, _) in _statements)
        {
            batch.Add(statement.Sql, statement.Args);
        }
    }

    /// <summary>Reads this batch's result sets (the reader on the first of them; left on the one after) and applies every step: whether each happened.</summary>
    public async Task<bool[]> ReadAsync(DbDataReader reader)
    {
        var done = new bool[_steps.Count];
        foreach (var (_, steps, bulk) in _statements)
        {
            if (!bulk)
            {
                done[steps[0]] = _steps[steps[0]].Apply(await reader.ReadAsync().ConfigureAwait(false) ? reader : null);
                await reader.NextResultAsync().ConfigureAwait(false);
                continue;
            }

            var seen = new bool[steps.Count];
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var position = checked((int)reader.GetInt64(reader.FieldCount - 1)) - 1;
                seen[position] = true;
                done[steps[position]] = _steps[steps[position]].Apply(reader);
            }

            for (var i = 0; i < steps.Count; i++)
            {
                if (!seen[i])
                {
                    done[steps[i]] = _steps[steps[i]].Apply(null);
                }
            }

            await reader.NextResultAsync().ConfigureAwait(false);
        }

        return done;
    }
}
