using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>A person row read by the loader, held until the per-person tables are in and the snapshot can be built once.</summary>
internal readonly record struct StagedPerson(Person Person, decimal PosBalance, decimal AccountBalance);
