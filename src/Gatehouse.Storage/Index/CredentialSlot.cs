using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Index;

/// <summary>
/// One credential in the index: the record, replaced on the rare writes that change it (issue, block, collect), and
/// its last grant, written in place on every grant. A grant is the one change a scan makes to a card; writing a
/// long into this long-lived object allocates nothing and dirties no card-table entry, whereas a new record per
/// grant left ~2 MB for each gen0 collection to promote and lengthened its pauses (docs/performance.md, ninth session).
/// The record held here never carries a last grant, so nobody can read a stale one from it.
/// </summary>
internal sealed class CredentialSlot
{
    private const long None = 0;
    private Credential _credential;
    private long _lastGrantTicks;

    public CredentialSlot(Credential credential, DateTimeOffset? lastGrant)
    {
        _credential = credential;
        _lastGrantTicks = Ticks(lastGrant);
    }

    public Credential Credential => Volatile.Read(ref _credential);

    public DateTimeOffset? LastGrant => Volatile.Read(ref _lastGrantTicks) is var ticks and not None ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>
    /// A new record for this value. The same card (same id) keeps the later of the two grants: on PostgreSQL the row
    /// read back may not hold the grants since the load (the events do, see <see cref="Sql.SideEffects"/>). Another
    /// card with the value (deleted and issued again) starts with the grant given.
    /// </summary>
    public void Replace(Credential credential, DateTimeOffset? lastGrant)
    {
        var ticks = Ticks(lastGrant);
        if (Credential.Id == credential.Id)
        {
            ticks = Math.Max(ticks, Volatile.Read(ref _lastGrantTicks));
        }

        Volatile.Write(ref _credential, credential);
        Volatile.Write(ref _lastGrantTicks, ticks);
    }

    public void SetFlags(CredentialFlags flags)
    {
        if (Credential.Flags != flags)
        {
            Volatile.Write(ref _credential, Credential with { Flags = flags });
        }
    }

    public void Grant(DateTimeOffset at) => Volatile.Write(ref _lastGrantTicks, at.UtcTicks);

    /// <summary>A grant learnt from elsewhere (another node, the event log at start): kept only if it is the later one.</summary>
    public void GrantIfLater(DateTimeOffset at)
    {
        if (at.UtcTicks > Volatile.Read(ref _lastGrantTicks))
        {
            Grant(at);
        }
    }

    // Ticks 0 is 0001-01-01, which no grant can be: it stands for "never granted".
    private static long Ticks(DateTimeOffset? at) => at?.UtcTicks ?? None;
}
