using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>Double scan (R-GYM-10), presence on exit (R-GYM-08) and anti-passback on entry (R-GYM-09).</summary>
internal static class PresenceChecks
{
    public static void Run(ref ScanContext c)
    {
        var checks = c.Logic!.Checks;

        // Locked for exactly DoubleEntryTimeSeconds after the last grant: at that second the credential works again.
        if (checks.CheckDoubleScan
            && c.Credential is { } credential
            && c.Directory.FindLastGrant(c.Organization!.Id, credential) is { } last
            && c.Scan.At >= last
            && c.Scan.At < last.AddSeconds(c.Logic.Advanced.DoubleEntryTimeSeconds))
        {
            c.Flag(ReasonCode.DoubleScan);
        }

        if (c.Person is null)
        {
            return;
        }

        if (c.Direction == Direction.Out && checks.CheckPresence && !c.PresentHere)
        {
            c.Flag(ReasonCode.NotPresent);
        }

        if (c.Direction == Direction.In && checks.CheckLackOfPresence && c.PresentHere && !c.StaffPresencePass)
        {
            c.Flag(ReasonCode.AlreadyPresent);
        }
    }
}
