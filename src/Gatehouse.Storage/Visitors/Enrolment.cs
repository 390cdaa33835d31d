using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Visitors;

/// <summary>An employee's rotating-QR credential and whether its secret was already shown (R-EMP-02: only once).</summary>
public sealed record Enrolment(PersonId Person, OrganizationId Organization, CredentialId Credential, DateTimeOffset? RevealedAt = null);
