using System.Text.Json.Serialization;

namespace Gatehouse.Server.Scim;

/// <summary>A SCIM query answer (RFC 7644 §3.4.2); the spec spells <c>Resources</c> with a capital R.</summary>
public sealed record ScimListResponse(
    IReadOnlyList<string> Schemas,
    int TotalResults,
    int StartIndex,
    int ItemsPerPage,
    [property: JsonPropertyName("Resources")] IReadOnlyList<ScimUser> Resources);
