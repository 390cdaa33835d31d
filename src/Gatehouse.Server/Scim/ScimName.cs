namespace Gatehouse.Server.Scim;

/// <summary>The SCIM <c>name</c> complex attribute.</summary>
public sealed record ScimName(string GivenName, string FamilyName, string Formatted);
