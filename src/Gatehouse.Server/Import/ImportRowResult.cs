namespace Gatehouse.Server.Import;

/// <summary>What happened to one data row (line numbers count the header as line 1).</summary>
public sealed record ImportRowResult(int Line, bool Accepted, long? PersonId, IReadOnlyList<string> Errors);
