namespace Gatehouse.Server.Scim;

/// <summary>The SCIM <c>meta</c> attribute.</summary>
public sealed record ScimMeta(string ResourceType, DateTimeOffset Created, DateTimeOffset LastModified, string Location);
