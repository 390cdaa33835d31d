using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>People, their pictures and credentials. Organization-scoped as described on <see cref="ITopologyStore"/>.</summary>
public interface IPeopleStore
{
    Task<StoreResult<Person>> AddPersonAsync(Person person, CancellationToken cancellationToken = default);

    Task<Person?> GetPersonAsync(OrganizationId organization, PersonId id, CancellationToken cancellationToken = default);

    /// <summary>Ordered by id; <paramref name="search"/> matches first name, last name or email (case-insensitive prefix).</summary>
    Task<IReadOnlyList<Person>> ListPeopleAsync(OrganizationId organization, string? search = null, int offset = 0, int limit = 100, CancellationToken cancellationToken = default);

    Task<Person?> FindPersonByEmailAsync(OrganizationId organization, string email, CancellationToken cancellationToken = default);

    /// <summary>Names, gender, kind, company, email, active; picture times change only through the two calls below.</summary>
    Task<StoreResult> UpdatePersonAsync(Person person, CancellationToken cancellationToken = default);

    /// <summary>Deletes the person and everything hanging off them (credentials, contracts, …); events stay (R-VIS-10).</summary>
    Task<StoreResult> DeletePersonAsync(OrganizationId organization, PersonId id, CancellationToken cancellationToken = default);

    /// <summary>Records a new picture: sets PictureChangedAt to now and appends to the history (R-STU-06).</summary>
    Task<StoreResult<PictureChange>> ChangePictureAsync(OrganizationId organization, PersonId person, string imageReference, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PictureChange>> ListPictureHistoryAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    /// <summary>Staff compared the pictures: sets IdentityValidatedAt to now, clearing the warning (R-STU-07).</summary>
    Task<StoreResult> ValidateIdentityAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    /// <summary>Conflict when the value is taken in the organization; NotFound when the person is not in it.</summary>
    Task<StoreResult<Credential>> IssueCredentialAsync(OrganizationId organization, Credential credential, CancellationToken cancellationToken = default);

    Task<Credential?> GetCredentialAsync(OrganizationId organization, CredentialId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Credential>> ListCredentialsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    /// <summary>Block, mark lost, unblock, …: sets then clears flags; returns the stored credential.</summary>
    Task<StoreResult<Credential>> SetCredentialFlagsAsync(OrganizationId organization, CredentialId id, CredentialFlags set, CredentialFlags clear = CredentialFlags.None, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteCredentialAsync(OrganizationId organization, CredentialId id, CancellationToken cancellationToken = default);
}
