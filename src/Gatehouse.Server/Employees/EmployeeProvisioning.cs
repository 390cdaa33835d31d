using System.Net.Mail;
using System.Security.Cryptography;
using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Employees;

/// <summary>
/// Creates, changes and deactivates employees, for the admin API and for SCIM (R-EMP-01/03/05/06). A new employee
/// gets a profile, the company's shared level and a rotating-QR credential; with profile linking, an existing
/// profile of the same email is used instead and only made conditional on booked office days.
/// </summary>
public sealed class EmployeeProvisioning(IGatehouseStore store, IVisitorStore directory, IOptions<EmployeeOptions> options)
{
    public const int MaxTextLength = 200;

    public async Task<ApiResult<EmployeeDto>> ProvisionAsync(OrganizationId organization, EmployeeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request.FirstName, request.LastName, request.Email) is { } invalid)
        {
            return invalid;
        }

        Company? company = null;
        if (request.CompanyId is { } companyId && (company = await directory.GetCompanyAsync(organization, new CompanyId(companyId), cancellationToken)) is null)
        {
            return new ApiError.NotFound("company", companyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var email = Blank(request.Email);
        if (options.Value.ProfileLinking && email is not null && await store.FindPersonByEmailAsync(organization, email, cancellationToken) is { Kind: not PersonKind.Visitor } existing)
        {
            // R-EMP-05: no token, no level; the profile's own access is switched on for booked days only.
            var current = await store.GetEmploymentAsync(organization, existing.Id, cancellationToken);
            var linked = (current ?? new EmploymentTerms(company?.Id, null)) with { Company = company?.Id ?? current?.Company, ConditionalAccess = true };
            var set = await store.SetEmploymentAsync(organization, existing.Id, linked, cancellationToken);
            return set.IsOk ? await ViewAsync(existing, cancellationToken) : set.ToApiError("employee");
        }

        if (company?.Level is not { } level)
        {
            return company is null
                ? ApiError.Field("companyId", "A company is required: its access level is shared by all its employees (R-EMP-03).")
                : new ApiError.Conflict($"The company '{company.Name}' has no access level yet.");
        }

        var added = await store.AddPersonAsync(
            new Person(default, organization, PersonKind.Employee, request.FirstName.Trim(), request.LastName.Trim(), Company: company.Id, Email: email), cancellationToken);
        if (!added.IsOk)
        {
            return added.ToResult().ToApiError("employee");
        }

        var person = added.Value!;
        var terms = new EmploymentTerms(company.Id, level, ConditionalAccess: request.ConditionalAccess ?? options.Value.ConditionalAccess);
        var employment = await store.SetEmploymentAsync(organization, person.Id, terms, cancellationToken);
        if (!employment.IsOk)
        {
            return employment.ToApiError("employee");
        }

        if (await IssueRotatingQrAsync(organization, person.Id, cancellationToken) is { } error)
        {
            return error;
        }

        return await ViewAsync(person, cancellationToken);
    }

    /// <summary>A new secret (the old one stops working at once) that can be revealed once more.</summary>
    public async Task<ApiError?> IssueRotatingQrAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken)
    {
        if (await directory.GetEnrolmentAsync(organization, person, cancellationToken) is { } previous)
        {
            await store.DeleteCredentialAsync(organization, previous.Credential, cancellationToken);
        }

        var value = "E-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var issued = await store.IssueCredentialAsync(organization, new Credential(default, person, CredentialKind.RotatingQr, value, Secret: Totp.NewSecret()), cancellationToken);
        if (!issued.IsOk)
        {
            return issued.ToResult().ToApiError("credential");
        }

        await directory.SetEnrolmentAsync(new Enrolment(person, organization, issued.Value!.Id), cancellationToken);
        return null;
    }

    /// <summary>Names, email and the active switch; deactivation denies the next scan (R-EMP-06).</summary>
    public async Task<ApiResult<EmployeeDto>> UpdateAsync(Person person, string firstName, string lastName, string? email, bool active, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (Validate(firstName, lastName, email) is { } invalid)
        {
            return invalid;
        }

        var updated = person with { FirstName = firstName.Trim(), LastName = lastName.Trim(), Email = Blank(email), Active = active };
        var result = await store.UpdatePersonAsync(updated, cancellationToken);
        return result.IsOk ? await ViewAsync(updated, cancellationToken) : result.ToApiError("employee");
    }

    public async Task<EmployeeDto> ViewAsync(Person person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var terms = await store.GetEmploymentAsync(person.Organization, person.Id, cancellationToken);
        var enrolment = await directory.GetEnrolmentAsync(person.Organization, person.Id, cancellationToken);
        var credential = enrolment is null ? null : await store.GetCredentialAsync(person.Organization, enrolment.Credential, cancellationToken);
        return new EmployeeDto(
            person.Id.Value,
            person.FirstName,
            person.LastName,
            person.Email,
            person.Active,
            (terms?.Company ?? person.Company)?.Value,
            terms?.Level?.Value,
            terms?.ConditionalAccess ?? false,
            enrolment is null,
            credential?.Value,
            enrolment?.RevealedAt is not null);
    }

    private static ApiError.Invalid? Validate(string? firstName, string? lastName, string? email) =>
        Problems.Validate.Name(firstName, "firstName", MaxTextLength)
        ?? Problems.Validate.Name(lastName, "lastName", MaxTextLength)
        ?? (Blank(email) is { } e && (e.Length > MaxTextLength || !MailAddress.TryCreate(e, out _)) ? ApiError.Field("email", "The email address is not valid.") : null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
