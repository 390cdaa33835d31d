namespace Gatehouse.Server.Scim;

/// <summary>One of the SCIM <c>emails</c>; Gatehouse keeps one, the primary work address.</summary>
public sealed record ScimEmail(string Value, string Type = "work", bool Primary = true);
