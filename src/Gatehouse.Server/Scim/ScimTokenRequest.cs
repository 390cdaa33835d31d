namespace Gatehouse.Server.Scim;

/// <summary>Creates or rotates the organization's SCIM token; employees it provisions join <see cref="CompanyId"/>.</summary>
public sealed record ScimTokenRequest(long? CompanyId);
