namespace Gatehouse.Server.Employees;

/// <summary>A company (tenant) and the access level all its employees share (R-EMP-03).</summary>
public sealed record CompanyRequest(string Name, long? LevelId);
