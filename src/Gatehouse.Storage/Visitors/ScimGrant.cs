using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Visitors;

/// <summary>What a SCIM bearer token lets an identity provider do: provision employees of one organization (and company).</summary>
public sealed record ScimGrant(OrganizationId Organization, CompanyId? Company, DateTimeOffset CreatedAt);
