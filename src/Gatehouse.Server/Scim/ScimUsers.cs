using System.Globalization;
using System.Text.Json.Nodes;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Employees;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;

namespace Gatehouse.Server.Scim;

/// <summary>
/// SCIM Users over employee profiles (R-EMP-06): create provisions an employee (company from the token), replace and
/// patch change names, email and <c>active</c>, delete removes the profile. <c>active: false</c> takes effect on
/// the next scan, as every profile write reaches the access index at once.
/// </summary>
public sealed class ScimUsers(IGatehouseStore store, IVisitorStore directory, EmployeeProvisioning provisioning, TimeProvider time)
{
    public async Task<ApiResult<ScimUser>> CreateAsync(ScimGrant grant, ScimUserInput input, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(input);
        if (await directory.FindScimUserAsync(grant.Organization, input.UserName, ct) is not null)
        {
            return new ApiError.Conflict($"A user with userName '{input.UserName}' already exists.");
        }

        var created = await provisioning.ProvisionAsync(grant.Organization, new EmployeeRequest(input.GivenName, input.FamilyName, input.Email, grant.Company?.Value), ct);
        if (created.Error is { } error)
        {
            return error;
        }

        var person = new PersonId(created.Value!.PersonId);
        var now = time.GetUtcNow();
        var link = new ScimUserLink(person, grant.Organization, input.UserName, input.ExternalId, now, now);
        var added = await directory.AddScimUserAsync(link, ct);
        if (!added.IsOk)
        {
            return added.ToApiError("user");
        }

        return input.Active ? await ViewAsync(link, baseUrl, ct) : await SaveAsync(link, input, baseUrl, ct);
    }

    public async Task<ApiResult<ScimUser>> GetAsync(ScimGrant grant, string id, string baseUrl, CancellationToken ct) =>
        await FindAsync(grant, id, ct) is { } link ? await ViewAsync(link, baseUrl, ct) : NotFound(id);

    public async Task<ApiResult<ScimUser>> ReplaceAsync(ScimGrant grant, string id, ScimUserInput input, string baseUrl, CancellationToken ct) =>
        await FindAsync(grant, id, ct) is { } link ? await SaveAsync(link, input, baseUrl, ct) : NotFound(id);

    public async Task<ApiResult<ScimUser>> PatchAsync(ScimGrant grant, string id, JsonNode? body, string baseUrl, CancellationToken ct)
    {
        if (await FindAsync(grant, id, ct) is not { } link || await store.GetPersonAsync(grant.Organization, link.Person, ct) is not { } person)
        {
            return NotFound(id);
        }

        var current = new ScimUserInput(link.UserName, link.ExternalId, person.FirstName, person.LastName, person.Email, person.Active);
        var patched = current.Patch(body, out var problem);
        return patched is null ? ApiError.Field("Operations", problem!) : await SaveAsync(link, patched, baseUrl, ct);
    }

    public async Task<ApiError?> DeleteAsync(ScimGrant grant, string id, CancellationToken ct)
    {
        if (await FindAsync(grant, id, ct) is not { } link)
        {
            return NotFound(id);
        }

        await directory.DeleteScimUserAsync(grant.Organization, link.Person, ct);
        if (await directory.GetEnrolmentAsync(grant.Organization, link.Person, ct) is null)
        {
            // A linked profile existed before provisioning (R-EMP-05): unlink it, never delete someone else's profile.
            return null;
        }

        var deleted = await store.DeletePersonAsync(grant.Organization, link.Person, ct);
        return deleted.IsOk || deleted.Error == StoreError.NotFound ? null : deleted.ToApiError("user");
    }

    public async Task<IReadOnlyList<ScimUser>> ListAsync(ScimGrant grant, string? userName, string baseUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grant);
        IReadOnlyList<ScimUserLink> links = userName is null
            ? await directory.ListScimUsersAsync(grant.Organization, ct)
            : await directory.FindScimUserAsync(grant.Organization, userName, ct) is { } one ? [one] : [];
        var users = new List<ScimUser>(links.Count);
        foreach (var link in links)
        {
            if (await ViewAsync(link, baseUrl, ct) is { Value: { } user })
            {
                users.Add(user);
            }
        }

        return users;
    }

    private async Task<ApiResult<ScimUser>> SaveAsync(ScimUserLink link, ScimUserInput input, string baseUrl, CancellationToken ct)
    {
        if (await store.GetPersonAsync(link.Organization, link.Person, ct) is not { } person)
        {
            return NotFound(link.Person.ToString());
        }

        var updated = await provisioning.UpdateAsync(person, input.GivenName, input.FamilyName, input.Email, input.Active, ct);
        if (updated.Error is { } error)
        {
            return error;
        }

        var relinked = link with { UserName = input.UserName, ExternalId = input.ExternalId, ModifiedAt = time.GetUtcNow() };
        var saved = await directory.UpdateScimUserAsync(relinked, ct);
        return saved.IsOk ? await ViewAsync(relinked, baseUrl, ct) : saved.ToApiError("user");
    }

    private async Task<ApiResult<ScimUser>> ViewAsync(ScimUserLink link, string baseUrl, CancellationToken ct)
    {
        if (await store.GetPersonAsync(link.Organization, link.Person, ct) is not { } person)
        {
            return NotFound(link.Person.ToString());
        }

        var id = person.Id.ToString();
        return new ScimUser(
            [ScimSchemas.User],
            id,
            link.ExternalId,
            link.UserName,
            new ScimName(person.FirstName, person.LastName, person.FullName),
            person.FullName,
            person.Email is { } email ? [new ScimEmail(email)] : [],
            person.Active,
            new ScimMeta("User", link.CreatedAt, link.ModifiedAt, $"{baseUrl}/scim/v2/Users/{id}"));
    }

    private async Task<ScimUserLink?> FindAsync(ScimGrant grant, string id, CancellationToken ct) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var person)
            ? await directory.GetScimUserAsync(grant.Organization, new PersonId(person), ct)
            : null;

    private static ApiError.NotFound NotFound(string id) => new("user", id);
}
