using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>
/// What a person holds: contracts, products, pauses, invoices, balances, bookings, questionnaires, presence,
/// visitor passes and employment terms. Each write replaces the person's entitlements snapshot in the index.
/// NotFound when the person (or the row) is not in the organization.
/// </summary>
public interface IEntitlementStore
{
    Task<StoreResult<Contract>> AddContractAsync(OrganizationId organization, Contract contract, CancellationToken cancellationToken = default);

    Task<Contract?> GetContractAsync(OrganizationId organization, ContractId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Contract>> ListContractsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateContractAsync(OrganizationId organization, Contract contract, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteContractAsync(OrganizationId organization, ContractId id, CancellationToken cancellationToken = default);

    Task<StoreResult<EntranceProduct>> AddProductAsync(OrganizationId organization, EntranceProduct product, CancellationToken cancellationToken = default);

    Task<EntranceProduct?> GetProductAsync(OrganizationId organization, EntranceProductId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EntranceProduct>> ListProductsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateProductAsync(OrganizationId organization, EntranceProduct product, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteProductAsync(OrganizationId organization, EntranceProductId id, CancellationToken cancellationToken = default);

    Task<StoreResult<StoredPause>> AddPauseAsync(OrganizationId organization, PersonId person, SubscriptionPause pause, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<StoredPause>> ListPausesAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    Task<StoreResult> DeletePauseAsync(OrganizationId organization, long pauseId, CancellationToken cancellationToken = default);

    Task<StoreResult<Invoice>> AddInvoiceAsync(OrganizationId organization, Invoice invoice, CancellationToken cancellationToken = default);

    Task<Invoice?> GetInvoiceAsync(OrganizationId organization, InvoiceId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Invoice>> ListInvoicesAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateInvoiceAsync(OrganizationId organization, Invoice invoice, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteInvoiceAsync(OrganizationId organization, InvoiceId id, CancellationToken cancellationToken = default);

    Task<Balances?> GetBalancesAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    Task<StoreResult> SetBalancesAsync(OrganizationId organization, PersonId person, Balances balances, CancellationToken cancellationToken = default);

    Task<StoreResult<Booking>> AddBookingAsync(OrganizationId organization, Booking booking, CancellationToken cancellationToken = default);

    Task<Booking?> GetBookingAsync(OrganizationId organization, BookingId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Booking>> ListBookingsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    Task<StoreResult> UpdateBookingAsync(OrganizationId organization, Booking booking, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteBookingAsync(OrganizationId organization, BookingId id, CancellationToken cancellationToken = default);

    Task<StoreResult<QuestionnaireResult>> AddQuestionnaireAsync(OrganizationId organization, QuestionnaireResult result, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<QuestionnaireResult>> ListQuestionnairesAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteQuestionnaireAsync(OrganizationId organization, QuestionnaireId id, CancellationToken cancellationToken = default);

    /// <summary>A presence ticked at the desk (R-GYM-15) or fixed by staff; Conflict when already present at that site.</summary>
    Task<StoreResult> MarkPresentAsync(OrganizationId organization, Presence presence, CancellationToken cancellationToken = default);

    Task<StoreResult> ClearPresenceAsync(OrganizationId organization, PersonId person, SiteId site, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Presence>> ListPresenceAsync(OrganizationId organization, SiteId? site = null, CancellationToken cancellationToken = default);

    /// <summary>One pass per visitor person: creates or replaces it.</summary>
    Task<StoreResult> SetVisitorPassAsync(OrganizationId organization, VisitorPass pass, CancellationToken cancellationToken = default);

    Task<VisitorPass?> GetVisitorPassAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VisitorPass>> ListVisitorPassesAsync(OrganizationId organization, SiteId? site = null, CancellationToken cancellationToken = default);

    Task<StoreResult> DeleteVisitorPassAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);

    /// <summary>Creates or replaces the person's employment terms; null removes them.</summary>
    Task<StoreResult> SetEmploymentAsync(OrganizationId organization, PersonId person, EmploymentTerms? terms, CancellationToken cancellationToken = default);

    Task<EmploymentTerms?> GetEmploymentAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default);
}
