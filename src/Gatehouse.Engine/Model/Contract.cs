namespace Gatehouse.Engine.Model;

/// <summary>
/// A contract (gym) or pass (studio): what a member bought. Usable only inside <see cref="Validity"/>, when
/// <see cref="Status"/> is active, when it grants entry, and when its subscription is not paused.
/// <see cref="Sites"/> lists the establishments it is valid at; empty means every site of the organization.
/// </summary>
public sealed record Contract(
    ContractId Id,
    PersonId Person,
    string Name,
    TimeWindow Validity,
    ContractStatus Status = ContractStatus.Active,
    bool IsMain = true,
    bool GrantsEntry = true,
    IReadOnlyList<AccessRule>? Rules = null,
    IReadOnlyList<SiteId>? Sites = null,
    SubscriptionId? Subscription = null,
    InvoiceId? Invoice = null)
{
    public IReadOnlyList<AccessRule> AccessRules => Rules ?? [];

    public bool IsUsableAt(SiteId site) => Sites is null || Sites.Count == 0 || Sites.Contains(site);
}
