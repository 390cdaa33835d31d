using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Credentials;

/// <summary>A credential as staff see it; a rotating QR's secret is never shown again after issue.</summary>
public sealed record CredentialDto(
    long Id,
    long PersonId,
    CredentialKind Kind,
    string Value,
    CredentialFlags Flags,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    DateTimeOffset? LastGrantedAt)
{
    public static CredentialDto From(Credential c) => new(
        c.Id.Value, c.Person.Value, c.Kind, c.Value, c.Flags, c.Validity?.From, c.Validity?.Until, c.LastGrantedAt);
}
