using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Visitors;

/// <summary>
/// The visitor and employee lifecycle tables, beside the main store in the same database (migrations are applied by
/// <see cref="GatehouseStore"/>; open this after it). Every by-id call is organization-scoped, as in the main store.
/// </summary>
public interface IVisitorStore : IAsyncDisposable
{
    Task<Visit> AddVisitAsync(Visit visit, CancellationToken cancellationToken = default);

    Task<Visit?> GetVisitAsync(OrganizationId organization, VisitId id, CancellationToken cancellationToken = default);

    /// <summary>Newest first; filters are optional.</summary>
    Task<IReadOnlyList<Visit>> ListVisitsAsync(OrganizationId organization, SiteId? site = null, PersonId? person = null, CancellationToken cancellationToken = default);

    /// <summary>The visitor's person behind an external visitor id, so a returning visitor keeps one profile.</summary>
    Task<PersonId?> FindVisitorByExternalIdAsync(OrganizationId organization, string externalId, CancellationToken cancellationToken = default);

    Task SetMailFileAsync(OrganizationId organization, VisitId id, string? mailFile, CancellationToken cancellationToken = default);

    /// <summary>Visits of every organization whose check-out follow-up has not run and that are not erased.</summary>
    Task<IReadOnlyList<Visit>> ListOpenVisitsAsync(CancellationToken cancellationToken = default);

    Task MarkCheckOutHandledAsync(OrganizationId organization, VisitId id, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// R-VIS-10: clears the personal columns of the person's visits; events are anonymised by
    /// <see cref="IEventLog.AnonymiseEventsAsync"/>. Run after the person itself was deleted.
    /// </summary>
    Task ErasePersonalDataAsync(OrganizationId organization, PersonId person, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Creates the job, or re-arms the visit's job of that kind with a new due time (done marker cleared).</summary>
    Task<VisitorJob> ScheduleAsync(VisitorJob job, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VisitorJob>> ListJobsAsync(OrganizationId organization, VisitId visit, CancellationToken cancellationToken = default);

    /// <summary>Jobs not done whose due time has come and whose claim (if any) has lapsed, oldest due first.</summary>
    Task<IReadOnlyList<VisitorJob>> ListDueJobsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the job for <paramref name="node"/> until <paramref name="leaseUntil"/> in one conditional update: true
    /// for exactly one claimant, so two nodes (or a loop and a manual run) never both act.
    /// </summary>
    Task<bool> TryClaimAsync(VisitorJobId id, string node, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Sets the done marker, only while <paramref name="node"/> still holds the claim.</summary>
    Task<bool> CompleteAsync(VisitorJobId id, string node, DateTimeOffset at, string outcome, CancellationToken cancellationToken = default);

    Task<Company> AddCompanyAsync(Company company, CancellationToken cancellationToken = default);

    Task<Company?> GetCompanyAsync(OrganizationId organization, CompanyId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Company>> ListCompaniesAsync(OrganizationId organization, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateCompanyAsync(Company company, CancellationToken cancellationToken = default);

    /// <summary>Replaces the organization's SCIM token (rotation revokes the old one at once).</summary>
    Task SetScimTokenAsync(OrganizationId organization, string tokenHash, CompanyId? company, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task<ScimGrant?> FindScimTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Conflict when the userName is taken in the organization.</summary>
    Task<StoreResult> AddScimUserAsync(ScimUserLink link, CancellationToken cancellationToken = default);

    Task<ScimUserLink?> GetScimUserAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    Task<ScimUserLink?> FindScimUserAsync(OrganizationId organization, string userName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ScimUserLink>> ListScimUsersAsync(OrganizationId organization, CancellationToken cancellationToken = default);

    /// <summary>Conflict when the new userName is taken.</summary>
    Task<StoreResult> UpdateScimUserAsync(ScimUserLink link, CancellationToken cancellationToken = default);

    Task DeleteScimUserAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the enrolment (a new secret can be revealed once more).</summary>
    Task SetEnrolmentAsync(Enrolment enrolment, CancellationToken cancellationToken = default);

    Task<Enrolment?> GetEnrolmentAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    /// <summary>True only for the first caller: the conditional update is what makes the secret shown once.</summary>
    Task<bool> TryRevealAsync(OrganizationId organization, PersonId person, DateTimeOffset at, CancellationToken cancellationToken = default);
}
