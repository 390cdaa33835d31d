using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Pipeline;
using Gatehouse.Engine.Scanning;

namespace Gatehouse.Engine;

/// <summary>
/// Turns one scan into one decision. Pure: everything it knows comes from the scan and the directory.
/// One pipeline serves gyms, studios and offices; the access logic's switches decide which checks run, and the
/// families differ only in presets (<see cref="Logic.AccessLogicPresets"/>).
/// </summary>
public static class Gatekeeper
{
    public static Decision Decide(in Scan scan, IAccessDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var context = new ScanContext(scan, directory);
        if (Resolution.Resolve(ref context))
        {
            CredentialChecks.Run(ref context);
            PresenceChecks.Run(ref context);
            if (context.Entitlements is not null)
            {
                context.NextBooking = BookingEvaluation.NextOfDay(ref context);
            }

            // Leaving needs no entitlement: an expired pass must not lock anyone in.
            if (context.Direction == Direction.In)
            {
                PersonChecks.Run(ref context);
                Justification.Run(ref context);
                StudioWarnings.Run(ref context);
            }
        }

        return DecisionFactory.Create(ref context);
    }
}
