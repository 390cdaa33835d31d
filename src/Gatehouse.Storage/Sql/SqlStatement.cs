namespace Gatehouse.Storage.Sql;

/// <summary>One SQL text with its named values, to run alone or as one command of a <see cref="System.Data.Common.DbBatch"/>.</summary>
internal sealed record SqlStatement(string Sql, (string Name, object? Value)[] Args);
