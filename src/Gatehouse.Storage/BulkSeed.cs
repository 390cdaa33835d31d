using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>
/// Rows for <see cref="IGatehouseStore.BulkLoadAsync"/>: people and credentials WITH their ids already set by the
/// caller (credentials refer to people by id, and asking the database for a million ids one by one is the slow
/// part). Ids must be positive and not yet used. Sequences are moved past the largest id afterwards.
/// </summary>
public sealed record BulkSeed(IEnumerable<Person> People, IEnumerable<Credential> Credentials)
{
    public IEnumerable<Contract> Contracts { get; init; } = [];
}
