using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Visitors;

/// <summary>A tenant of a building. All its employees share <see cref="Level"/> (R-EMP-03).</summary>
public sealed record Company(CompanyId Id, OrganizationId Organization, string Name, AccessLevelId? Level);
