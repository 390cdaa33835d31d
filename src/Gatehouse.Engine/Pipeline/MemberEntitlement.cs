using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>
/// A member's own entitlement: a contract or pass (R-GYM-05/06, R-STU-04), else an entrance product for the zone
/// type (R-GYM-07), else a booking (R-GYM-16, R-STU-05). When none admits, the closest failure is the reason, and
/// the logic may ask an external source (R-GYM-20).
/// </summary>
internal static class MemberEntitlement
{
    private const int NoEntrancesLeftRank = ContractEvaluation.HoursRank + 1;

    public static void Run(ref ScanContext c)
    {
        var entitlements = c.Entitlements!;
        var contracts = entitlements.Contracts;
        ReasonCode failure = ReasonCode.NoValidContract;
        var bestRank = -1;
        for (var i = 0; i < contracts.Count; i++)
        {
            var contract = contracts[i];
            var (code, rank) = ContractEvaluation.Evaluate(ref c, contract);
            if (code is null)
            {
                // Prefer the main contract when several admit: it is the one shown as the pass in use.
                if (c.PassInUse is null || (contract.IsMain && !c.PassInUse.IsMain))
                {
                    c.PassInUse = contract;
                }
            }
            else if (rank > bestRank)
            {
                (failure, bestRank) = (code.Value, rank);
            }
        }

        if (c.PassInUse is { } pass)
        {
            c.VisitReason = new VisitReason(VisitReasonKind.Contract, pass.Id.Value, pass.Name);
            return;
        }

        if (TryProduct(ref c, ref failure, ref bestRank) || TryBooking(ref c))
        {
            return;
        }

        // R-GYM-20: only worth asking outside when this is the only reason to refuse.
        c.AskExternal = c.Logic!.Advanced.ExternalAccessAllowed && !c.Reasons.HasDenial;
        c.Flag(failure);
    }

    private static bool TryProduct(ref ScanContext c, ref ReasonCode failure, ref int bestRank)
    {
        if (!c.Logic!.Advanced.AllowZoneEntranceProduct)
        {
            return false;
        }

        var products = c.Entitlements!.Products;
        var zoneType = c.Zone!.Type;
        for (var i = 0; i < products.Count; i++)
        {
            var product = products[i];
            if (!Lists.Has(product.ZoneTypes, zoneType) || (product.Validity is { } validity && !validity.Contains(c.Scan.At)))
            {
                continue;
            }

            if (product.RemainingEntries > 0)
            {
                c.VisitReason = new VisitReason(VisitReasonKind.EntranceProduct, product.Id.Value, product.Name);
                if (c.Logic.Actions.UseZoneProduct)
                {
                    c.ProductToUse = product.Id;
                }

                return true;
            }

            if (NoEntrancesLeftRank > bestRank)
            {
                (failure, bestRank) = (ReasonCode.NoEntrancesLeft, NoEntrancesLeftRank);
            }
        }

        return false;
    }

    private static bool TryBooking(ref ScanContext c)
    {
        var booking = BookingEvaluation.FindAdmitting(ref c) ?? BookingEvaluation.FindUpcoming(ref c);
        if (booking is null)
        {
            return false;
        }

        c.VisitReason = new VisitReason(VisitReasonKind.Booking, booking.Id.Value, booking.Name);
        if (booking.Kind == BookingKind.Facility && c.Logic!.Actions.MarkFacilityBookingUsage)
        {
            c.BookingToMark = booking.Id;
        }

        return true;
    }
}
