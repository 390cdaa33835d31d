using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>The state of the presented credential (R-GYM-17/18/19, R-VIS-04): one reason code per failed check.</summary>
internal static class CredentialChecks
{
    public static void Run(ref ScanContext c)
    {
        var credential = c.Credential;
        if (credential is null)
        {
            return;
        }

        var advanced = c.Logic!.Advanced;
        var at = c.Scan.At;
        if (credential.Has(CredentialFlags.Blocked))
        {
            c.Flag(ReasonCode.CredentialBlocked);
        }

        if (advanced.BlockLostCards && credential.Has(CredentialFlags.Lost))
        {
            c.Flag(ReasonCode.CredentialLost);
        }

        if (advanced.BlockGuestCards && credential.Has(CredentialFlags.Guest))
        {
            c.Flag(ReasonCode.GuestCardBlocked);
        }

        if (credential.Validity is { } validity)
        {
            if (at < validity.From)
            {
                c.Flag(ReasonCode.CredentialNotYetValid);
            }
            else if (at >= validity.Until)
            {
                c.Flag(ReasonCode.CredentialExpired);
            }
        }

        if (c.IsSingleUse && credential.Has(CredentialFlags.Used))
        {
            c.Flag(ReasonCode.CredentialAlreadyUsed);
        }

        // R-VIS-04: dead until check-in, except at the check-in point itself, where the scan is the check-in.
        if (credential.Has(CredentialFlags.InactiveUntilCheckIn) && !c.IsCheckInPoint && c.Entitlements?.Visitor?.IsCheckedIn != true)
        {
            c.Flag(ReasonCode.CredentialInactiveUntilCheckIn);
        }

        CheckQr(ref c);
        CheckFingerprint(ref c, credential);
    }

    private static void CheckQr(ref ScanContext c)
    {
        var advanced = c.Logic!.Advanced;
        if (c.Form is PresentedForm.StaticQr or PresentedForm.RotatingQr && advanced.BlockQrCodes)
        {
            c.Flag(ReasonCode.QrCodesBlocked);
        }

        if (c.Form != PresentedForm.StaticQr)
        {
            return;
        }

        if (advanced.CheckQrSite && c.QrSite != c.Device!.Site)
        {
            c.Flag(ReasonCode.QrWrongSite);
        }

        if (advanced.CheckQrValidity)
        {
            // Valid in [issued, issued + validity): at exactly the validity it has expired.
            if (c.Scan.At < c.QrIssuedAt)
            {
                c.Flag(ReasonCode.CredentialNotYetValid);
            }
            else if (c.Scan.At >= c.QrIssuedAt.AddMinutes(advanced.QrValidityMinutes))
            {
                c.Flag(ReasonCode.QrExpired);
            }
        }
    }

    private static void CheckFingerprint(ref ScanContext c, Credential credential)
    {
        var advanced = c.Logic!.Advanced;
        if (credential.Kind == CredentialKind.Fingerprint && !advanced.UseFingerprint)
        {
            c.Flag(ReasonCode.FingerprintNotAccepted);
        }

        if (credential.Kind == CredentialKind.Card && advanced.RequireFingerprintOnCard && !credential.Has(CredentialFlags.FingerprintOnCard))
        {
            c.Flag(ReasonCode.FingerprintNotOnCard);
        }
    }
}
