namespace Gatehouse.Server.Scim;

/// <summary>A SCIM User resource (RFC 7643 §4.1): an employee profile; <see cref="Id"/> is the person id.</summary>
public sealed record ScimUser(
    IReadOnlyList<string> Schemas,
    string Id,
    string? ExternalId,
    string UserName,
    ScimName Name,
    string DisplayName,
    IReadOnlyList<ScimEmail> Emails,
    bool Active,
    ScimMeta Meta);
