using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Memberships;

/// <summary>A contract or pass (R-GYM-05, R-STU-04).</summary>
public sealed record ContractDto(
    long Id,
    long PersonId,
    string Name,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    ContractStatus Status,
    bool IsMain,
    bool GrantsEntry,
    IReadOnlyList<AccessRuleDto> Rules,
    IReadOnlyList<long> SiteIds,
    long? SubscriptionId,
    long? InvoiceId)
{
    public static ContractDto From(Contract c) => new(
        c.Id.Value, c.Person.Value, c.Name, c.Validity.From, c.Validity.Until, c.Status, c.IsMain, c.GrantsEntry,
        c.AccessRules.Select(AccessRuleDto.Of).ToArray(), (c.Sites ?? []).Select(s => s.Value).ToArray(), c.Subscription?.Value, c.Invoice?.Value);
}
