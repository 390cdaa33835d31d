using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>
/// Whether one contract or pass admits here and now (R-GYM-05/06/07, R-STU-02/04). A failure carries a rank (how
/// far the contract got), so that a person with several contracts is told about the one that came closest.
/// </summary>
internal static class ContractEvaluation
{
    public const int ZoneTypeRank = 6;

    public const int HoursRank = 7;

    public static (ReasonCode? Code, int Rank) Evaluate(ref ScanContext c, Contract contract)
    {
        var checks = c.Logic!.Checks;
        var at = c.Scan.At;
        if (!contract.GrantsEntry || contract.Status == ContractStatus.Cancelled)
        {
            return (ReasonCode.NoValidContract, 0);
        }

        if (checks.CheckAccessRules)
        {
            if (contract.Status == ContractStatus.Blocked)
            {
                return (ReasonCode.ContractBlocked, 1);
            }

            if (contract.Status == ContractStatus.Reverted || InvoiceCancelled(c.Entitlements!, contract))
            {
                return (ReasonCode.ContractReverted, 1);
            }

            if (at < contract.Validity.From)
            {
                return (ReasonCode.ContractNotStarted, 2);
            }

            if (at >= contract.Validity.Until)
            {
                return (ReasonCode.ContractExpired, 2);
            }

            if (IsPaused(c.Entitlements!, contract, at))
            {
                return (ReasonCode.SubscriptionPaused, 3);
            }

            if (c.Logic.Advanced.MainContractHasToBeActive && !contract.IsMain)
            {
                return (ReasonCode.MainContractRequired, 4);
            }

            if (!contract.IsUsableAt(c.Establishment))
            {
                return (ReasonCode.NotValidAtThisEstablishment, 5);
            }
        }

        return EvaluateRules(ref c, contract);
    }

    private static (ReasonCode? Code, int Rank) EvaluateRules(ref ScanContext c, Contract contract)
    {
        var checks = c.Logic!.Checks;
        var rules = contract.AccessRules;
        if (rules.Count == 0)
        {
            return (null, 0); // no rules: every zone, any time
        }

        var zoneType = c.Zone!.Type;
        var zoneFits = false;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var fitsZone = !checks.CheckZoneType || rule.AllowsZoneType(zoneType);
            zoneFits |= fitsZone;
            if (fitsZone && (!checks.CheckAccessRules || rule.AllowsLocalTime(c.Local)))
            {
                return (null, 0);
            }
        }

        return zoneFits ? (ReasonCode.OutsideAllowedHours, HoursRank) : (ReasonCode.ZoneTypeNotAllowed, ZoneTypeRank);
    }

    private static bool InvoiceCancelled(Entitlements entitlements, Contract contract)
    {
        if (contract.Invoice is not { } id)
        {
            return false;
        }

        var invoices = entitlements.Invoices;
        for (var i = 0; i < invoices.Count; i++)
        {
            if (invoices[i].Id == id && invoices[i].Status == InvoiceStatus.Cancelled)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPaused(Entitlements entitlements, Contract contract, DateTimeOffset at)
    {
        if (contract.Subscription is not { } subscription)
        {
            return false;
        }

        var pauses = entitlements.Pauses;
        for (var i = 0; i < pauses.Count; i++)
        {
            if (pauses[i].Subscription == subscription && pauses[i].Period.Contains(at))
            {
                return true;
            }
        }

        return false;
    }
}
