namespace Gatehouse.Engine.Model;

/// <summary>
/// A member, guest, visitor or employee. <see cref="PictureChangedAt"/> and <see cref="IdentityValidatedAt"/>
/// drive the recent-picture warning (R-STU-06/07): it shows until staff validate identity after the change.
/// </summary>
public sealed record Person(
    PersonId Id,
    OrganizationId Organization,
    PersonKind Kind,
    string FirstName,
    string LastName,
    Gender Gender = Gender.Unspecified,
    CompanyId? Company = null,
    string? Email = null,
    bool Active = true,
    DateTimeOffset? PictureChangedAt = null,
    DateTimeOffset? IdentityValidatedAt = null)
{
    public string FullName => $"{FirstName} {LastName}";
}
