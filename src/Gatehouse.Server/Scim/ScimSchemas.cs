namespace Gatehouse.Server.Scim;

/// <summary>The SCIM 2.0 schema URNs and media type (RFC 7643, RFC 7644).</summary>
public static class ScimSchemas
{
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";
    public const string MediaType = "application/scim+json";
}
