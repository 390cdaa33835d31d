namespace Gatehouse.Server.Employees;

/// <summary>
/// An employee as the API shows it. <see cref="Linked"/>: matched to an existing profile (R-EMP-05), so no token was
/// issued. <see cref="CredentialValue"/> names the rotating-QR credential; its secret is only given at enrolment.
/// </summary>
public sealed record EmployeeDto(
    long PersonId,
    string FirstName,
    string LastName,
    string? Email,
    bool Active,
    long? CompanyId,
    long? LevelId,
    bool ConditionalAccess,
    bool Linked,
    string? CredentialValue,
    bool SecretRevealed);
