using Gatehouse.Engine.Model;

namespace Gatehouse.Server.People;

/// <summary>Create or replace a person's profile (pictures change through their own endpoint).</summary>
public sealed record PersonRequest(
    string? FirstName,
    string? LastName,
    PersonKind Kind = PersonKind.Member,
    Gender Gender = Gender.Unspecified,
    long? CompanyId = null,
    string? Email = null,
    bool Active = true);
