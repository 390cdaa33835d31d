using Gatehouse.Engine.Model;

namespace Gatehouse.Server.People;

/// <summary>A member, guest, visitor or employee.</summary>
public sealed record PersonDto(
    long Id,
    PersonKind Kind,
    string FirstName,
    string LastName,
    Gender Gender,
    long? CompanyId,
    string? Email,
    bool Active,
    DateTimeOffset? PictureChangedAt,
    DateTimeOffset? IdentityValidatedAt)
{
    public static PersonDto From(Person p) => new(
        p.Id.Value, p.Kind, p.FirstName, p.LastName, p.Gender, p.Company?.Value, p.Email, p.Active, p.PictureChangedAt, p.IdentityValidatedAt);
}
