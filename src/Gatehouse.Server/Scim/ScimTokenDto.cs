namespace Gatehouse.Server.Scim;

/// <summary>The new SCIM token, shown this once (only its hash is kept); the previous token stopped working.</summary>
public sealed record ScimTokenDto(string Token, long? CompanyId, DateTimeOffset CreatedAt, string ScimBaseUrl);
