using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>
/// Striped per-person locks for one node. The server holds a person's lock around decide + append, so two scans
/// of one person arriving at once are decided one after the other and the second sees the first's presence
/// (anti-passback, R-GYM-09). Striping bounds memory: two people may share a stripe and wait on each other
/// briefly, which is harmless. Across nodes, PostgreSQL's conditional presence insert is the arbiter.
/// </summary>
public sealed class PersonLocks
{
    private readonly SemaphoreSlim[] _stripes;

    public PersonLocks(int stripes = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripes, 1);
        _stripes = new SemaphoreSlim[stripes];
        for (var i = 0; i < stripes; i++)
        {
            _stripes[i] = new SemaphoreSlim(1, 1);
        }
    }

    public async ValueTask<PersonLockHandle> AcquireAsync(PersonId person, CancellationToken cancellationToken = default)
    {
        var stripe = _stripes[(int)((ulong)person.Value % (ulong)_stripes.Length)];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new PersonLockHandle(stripe);
    }
}
