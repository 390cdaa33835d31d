namespace Gatehouse.Server.Employees;

/// <summary>The body of <c>POST /api/v1/employees</c>. <see cref="CompanyId"/> gives the company's shared level (R-EMP-03).</summary>
public sealed record EmployeeRequest(string FirstName, string LastName, string? Email, long? CompanyId, bool? ConditionalAccess = null);
