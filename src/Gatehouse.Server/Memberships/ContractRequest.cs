using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>Create or replace a contract; the validity is [validFrom, validUntil).</summary>
public sealed record ContractRequest(
    string? Name,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    ContractStatus Status = ContractStatus.Active,
    bool IsMain = true,
    bool GrantsEntry = true,
    IReadOnlyList<AccessRuleDto>? Rules = null,
    IReadOnlyList<long>? SiteIds = null,
    long? SubscriptionId = null,
    long? InvoiceId = null);
