using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Visitors;

/// <summary>The SCIM identity of an employee profile (R-EMP-06): userName is unique per organization.</summary>
public sealed record ScimUserLink(
    PersonId Person,
    OrganizationId Organization,
    string UserName,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset ModifiedAt);
