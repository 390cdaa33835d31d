using Gatehouse.Storage.Visitors;

namespace Gatehouse.Server.Employees;

/// <summary>A company as the API shows it.</summary>
public sealed record CompanyDto(long Id, string Name, long? LevelId)
{
    public static CompanyDto From(Company company)
    {
        ArgumentNullException.ThrowIfNull(company);
        return new CompanyDto(company.Id.Value, company.Name, company.Level?.Value);
    }
}
