namespace Gatehouse.Storage.Sql;

/// <summary>
/// PostgreSQL: how many <see cref="EffectStep"/>s of one kind run as a single statement over arrays. Each statement
/// costs the database a fixed executor set-up and the client a result set, and a batch of twenty scans used to send
/// forty of them (a presence change and a card's last grant each): <see cref="EffectBatch"/> sends one per shape.
/// </summary>
/// <remarks>
/// The statement takes one array per argument of the single step, under the same names and in the same order, reads
/// them with <c>unnest(…) WITH ORDINALITY</c> and returns the single step's columns followed by the position (from 1)
/// of the step each row belongs to; a step without a row changed nothing. Only batches whose events touch distinct
/// people and credentials are grouped (<see cref="EventTransaction.Independent"/>), so no two steps of one statement
/// touch the same row and the statement means what the steps one by one would.
/// </remarks>
internal sealed record BulkShape(string Sql)
{
    /// <summary>The statement for these steps (all of this shape), one array per argument.</summary>
    public SqlStatement Bind(IReadOnlyList<EffectStep> steps)
    {
        var first = steps[0].Args;
        var args = new (string Name, object? Value)[first.Length];
        for (var j = 0; j < first.Length; j++)
        {
            args[j] = (first[j].Name, Column(steps, j));
        }

        return new SqlStatement(Sql, args);
    }

    /// <summary>A typed array of argument <paramref name="j"/> of every step (long?[] when a bigint is sometimes null), as Npgsql sends arrays by their element type.</summary>
    private static Array Column(IReadOnlyList<EffectStep> steps, int j)
    {
        var type = steps.Select(s => s.Args[j].Value?.GetType()).FirstOrDefault(t => t is not null) ?? typeof(string);
        var element = type.IsValueType && steps.Any(s => s.Args[j].Value is null) ? typeof(Nullable<>).MakeGenericType(type) : type;
        var column = Array.CreateInstance(element, steps.Count);
        for (var i = 0; i < steps.Count; i++)
        {
            column.SetValue(steps[i].Args[j].Value, i);
        }

        return column;
    }
}
