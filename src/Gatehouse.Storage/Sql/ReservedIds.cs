namespace Gatehouse.Storage.Sql;

/// <summary>
/// Event ids taken from PostgreSQL's sequence a block at a time, shared by the writer's connections. Reserving a
/// batch's ids was a round trip of its own for every batch, and on two busy cores each round trip waits for the
/// database process to be scheduled (about a millisecond). Ids stay unique across nodes (the sequence hands each
/// node its own blocks) and increase in the order batches are written, which is the order they commit in; unused
/// ids of a block are lost at shutdown, as a sequence's ids may be anyway.
/// </summary>
internal sealed class ReservedIds : IDisposable
{
    public const int Block = 1024;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Queue<long> _ids = new(Block);

    /// <summary>The next <paramref name="count"/> ids, refilling from the sequence through these commands when short.</summary>
    public async Task<long[]> TakeAsync(PreparedCommands commands, int count)
    {
        var ids = new long[count];
        if (count == 0)
        {
            return ids;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_ids.Count < count)
            {
                // The sequence's name looked up once per block, not once per id.
                await using var reader = await commands.Get("WITH s AS MATERIALIZED (SELECT pg_get_serial_sequence('events', 'id')::regclass AS id) SELECT nextval(s.id) FROM s, generate_series(1, @n)", ("n", Math.Max(count, Block)))
                    .ExecuteReaderAsync().ConfigureAwait(false);
                while (await reader.ReadAsync().ConfigureAwait(false))
                {
                    _ids.Enqueue(reader.GetInt64(0));
                }
            }

            for (var i = 0; i < count; i++)
            {
                ids[i] = _ids.Dequeue();
            }

            return ids;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
