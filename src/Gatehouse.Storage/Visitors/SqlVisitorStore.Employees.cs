using System.Data.Common;
using System.Globalization;
using Gatehouse.Engine.Model;
using Gatehouse.Storage.Sql;

namespace Gatehouse.Storage.Visitors;

internal sealed partial class SqlVisitorStore
{
    private const string ScimColumns = "person_id, organization_id, user_name, external_id, created_at, modified_at";

    public async Task<Company> AddCompanyAsync(Company company, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("INSERT INTO companies (organization_id, name, level_id) VALUES (@org, @name, @level) RETURNING id")
            .With("org", company.Organization.Value).With("name", company.Name).With("level", company.Level?.Value);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return company with { Id = new CompanyId(id) };
    }

    public async Task<Company?> GetCompanyAsync(OrganizationId organization, CompanyId id, CancellationToken cancellationToken = default)
    {
        var companies = await QueryCompaniesAsync("SELECT id, organization_id, name, level_id FROM companies WHERE organization_id = @org AND id = @id", cancellationToken, ("org", organization.Value), ("id", id.Value)).ConfigureAwait(false);
        return companies.Count == 0 ? null : companies[0];
    }

    public Task<IReadOnlyList<Company>> ListCompaniesAsync(OrganizationId organization, CancellationToken cancellationToken = default) =>
        QueryCompaniesAsync("SELECT id, organization_id, name, level_id FROM companies WHERE organization_id = @org ORDER BY id", cancellationToken, ("org", organization.Value));

    public async Task<StoreResult> UpdateCompanyAsync(Company company, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "UPDATE companies SET name = @name, level_id = @level WHERE organization_id = @org AND id = @id",
            cancellationToken,
            ("name", company.Name),
            ("level", company.Level?.Value),
            ("org", company.Organization.Value),
            ("id", company.Id.Value)).ConfigureAwait(false) == 1
            ? StoreResult.Ok
            : StoreResult.NotFound($"There is no company {company.Id}.");

    public async Task SetScimTokenAsync(OrganizationId organization, string tokenHash, CompanyId? company, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "INSERT INTO scim_tokens (organization_id, token_hash, company_id, created_at) VALUES (@org, @hash, @company, @at) " +
            "ON CONFLICT (organization_id) DO UPDATE SET token_hash = excluded.token_hash, company_id = excluded.company_id, created_at = excluded.created_at",
            cancellationToken,
            ("org", organization.Value),
            ("hash", tokenHash),
            ("company", company?.Value),
            ("at", dialect.Instant(at))).ConfigureAwait(false);

    public async Task<ScimGrant?> FindScimTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT organization_id, company_id, created_at FROM scim_tokens WHERE token_hash = @hash").With("hash", tokenHash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var r = new Row(reader, dialect);
        return new ScimGrant(new OrganizationId(r.Long(0)), r.LongOrNull(1) is { } company ? new CompanyId(company) : null, r.Instant(2));
    }

    public async Task<StoreResult> AddScimUserAsync(ScimUserLink link, CancellationToken cancellationToken = default)
    {
        try
        {
            await ExecuteAsync(
                $"INSERT INTO scim_users ({ScimColumns}) VALUES (@person, @org, @user, @external, @created, @modified)",
                cancellationToken,
                ("person", link.Person.Value),
                ("org", link.Organization.Value),
                ("user", link.UserName),
                ("external", link.ExternalId),
                ("created", dialect.Instant(link.CreatedAt)),
                ("modified", dialect.Instant(link.ModifiedAt))).ConfigureAwait(false);
            return StoreResult.Ok;
        }
        catch (DbException e) when (dialect.IsUniqueViolation(e))
        {
            return StoreResult.Conflict($"The userName '{link.UserName}' is taken.");
        }
    }

    public async Task<ScimUserLink?> GetScimUserAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default)
    {
        var links = await QueryScimAsync($"SELECT {ScimColumns} FROM scim_users WHERE organization_id = @org AND person_id = @person", cancellationToken, ("org", organization.Value), ("person", person.Value)).ConfigureAwait(false);
        return links.Count == 0 ? null : links[0];
    }

    public async Task<ScimUserLink?> FindScimUserAsync(OrganizationId organization, string userName, CancellationToken cancellationToken = default)
    {
        var links = await QueryScimAsync($"SELECT {ScimColumns} FROM scim_users WHERE organization_id = @org AND user_name = @user", cancellationToken, ("org", organization.Value), ("user", userName)).ConfigureAwait(false);
        return links.Count == 0 ? null : links[0];
    }

    public Task<IReadOnlyList<ScimUserLink>> ListScimUsersAsync(OrganizationId organization, CancellationToken cancellationToken = default) =>
        QueryScimAsync($"SELECT {ScimColumns} FROM scim_users WHERE organization_id = @org ORDER BY person_id", cancellationToken, ("org", organization.Value));

    public async Task<StoreResult> UpdateScimUserAsync(ScimUserLink link, CancellationToken cancellationToken = default)
    {
        try
        {
            var rows = await ExecuteAsync(
                "UPDATE scim_users SET user_name = @user, external_id = @external, modified_at = @modified WHERE organization_id = @org AND person_id = @person",
                cancellationToken,
                ("user", link.UserName),
                ("external", link.ExternalId),
                ("modified", dialect.Instant(link.ModifiedAt)),
                ("org", link.Organization.Value),
                ("person", link.Person.Value)).ConfigureAwait(false);
            return rows == 1 ? StoreResult.Ok : StoreResult.NotFound($"There is no SCIM user {link.Person}.");
        }
        catch (DbException e) when (dialect.IsUniqueViolation(e))
        {
            return StoreResult.Conflict($"The userName '{link.UserName}' is taken.");
        }
    }

    public Task DeleteScimUserAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        ExecuteAsync("DELETE FROM scim_users WHERE organization_id = @org AND person_id = @person", cancellationToken, ("org", organization.Value), ("person", person.Value));

    public Task SetEnrolmentAsync(Enrolment enrolment, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "INSERT INTO employee_enrolments (person_id, organization_id, credential_id, revealed_at) VALUES (@person, @org, @credential, @revealed) " +
            "ON CONFLICT (person_id) DO UPDATE SET credential_id = excluded.credential_id, revealed_at = excluded.revealed_at",
            cancellationToken,
            ("person", enrolment.Person.Value),
            ("org", enrolment.Organization.Value),
            ("credential", enrolment.Credential.Value),
            ("revealed", dialect.Instant(enrolment.RevealedAt)));

    public async Task<Enrolment?> GetEnrolmentAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT credential_id, revealed_at FROM employee_enrolments WHERE organization_id = @org AND person_id = @person")
            .With("org", organization.Value).With("person", person.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var r = new Row(reader, dialect);
        return new Enrolment(person, organization, new CredentialId(r.Long(0)), r.InstantOrNull(1));
    }

    public async Task<bool> TryRevealAsync(OrganizationId organization, PersonId person, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "UPDATE employee_enrolments SET revealed_at = @at WHERE organization_id = @org AND person_id = @person AND revealed_at IS NULL",
            cancellationToken,
            ("at", dialect.Instant(at)),
            ("org", organization.Value),
            ("person", person.Value)).ConfigureAwait(false) == 1;

    private async Task<IReadOnlyList<Company>> QueryCompaniesAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var result = new List<Company>();
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command(sql), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var r = new Row(reader, dialect);
            result.Add(new Company(new CompanyId(r.Long(0)), new OrganizationId(r.Long(1)), r.String(2), r.LongOrNull(3) is { } level ? new AccessLevelId(level) : null));
        }

        return result;
    }

    private async Task<IReadOnlyList<ScimUserLink>> QueryScimAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var result = new List<ScimUserLink>();
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command(sql), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var r = new Row(reader, dialect);
            result.Add(new ScimUserLink(new PersonId(r.Long(0)), new OrganizationId(r.Long(1)), r.String(2), r.StringOrNull(3), r.Instant(4), r.Instant(5)));
        }

        return result;
    }
}
