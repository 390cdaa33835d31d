using System.Collections.Concurrent;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Index;

/// <summary>
/// One organization's credentials by value. A ConcurrentDictionary rather than a Dictionary because writes
/// (issue, block, collect) happen while scans read; its span lookup is as allocation-free as Dictionary's.
/// Writers are serialized by the index's gate.
/// </summary>
internal sealed class OrganizationCredentials
{
    private readonly ConcurrentDictionary<string, CredentialSlot> _byValue;
    private readonly ConcurrentDictionary<string, CredentialSlot>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public OrganizationCredentials(int capacity = 16)
    {
        _byValue = new ConcurrentDictionary<string, CredentialSlot>(Environment.ProcessorCount, capacity, StringComparer.Ordinal);
        _bySpan = _byValue.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _byValue.Count;

    public CredentialSlot? Find(ReadOnlySpan<char> value) => _bySpan.TryGetValue(value, out var slot) ? slot : null;

    /// <summary>Stores a record that carries no last grant beside the grant, which the slot keeps (see <see cref="CredentialSlot"/>).</summary>
    public void Set(Credential record, DateTimeOffset? lastGrant)
    {
        System.Diagnostics.Debug.Assert(record.LastGrantedAt is null, "The slot holds the last grant; the record must not.");
        if (_byValue.TryGetValue(record.Value, out var slot))
        {
            slot.Replace(record, lastGrant);
        }
        else
        {
            _byValue[record.Value] = new CredentialSlot(record, lastGrant);
        }
    }

    public void Remove(string value) => _byValue.TryRemove(value, out _);
}
