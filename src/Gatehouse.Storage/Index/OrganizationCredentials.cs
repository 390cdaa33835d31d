using System.Collections.Concurrent;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Index;

/// <summary>
/// One organization's credentials by value. A ConcurrentDictionary rather than a Dictionary because writes
/// (issue, block, collect) happen while scans read; its span lookup is as allocation-free as Dictionary's.
/// </summary>
internal sealed class OrganizationCredentials
{
    private readonly ConcurrentDictionary<string, Credential> _byValue;
    private readonly ConcurrentDictionary<string, Credential>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public OrganizationCredentials(int capacity = 16)
    {
        _byValue = new ConcurrentDictionary<string, Credential>(Environment.ProcessorCount, capacity, StringComparer.Ordinal);
        _bySpan = _byValue.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _byValue.Count;

    public Credential? Find(ReadOnlySpan<char> value) => _bySpan.TryGetValue(value, out var credential) ? credential : null;

    public void Set(Credential credential) => _byValue[credential.Value] = credential;

    public void Remove(string value) => _byValue.TryRemove(value, out _);
}
