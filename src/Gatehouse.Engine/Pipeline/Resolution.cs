using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Pipeline;

/// <summary>
/// First step of every decision (R-DEC-03): who asks, under which logic, and who is presenting what. Any gap is a
/// denial with its own code, never an exception, and stops the pipeline: later checks need what failed here.
/// </summary>
internal static class Resolution
{
    public static bool Resolve(ref ScanContext c)
    {
        return ResolveDevice(ref c) && ResolveCredential(ref c) && ResolvePerson(ref c);
    }

    private static bool ResolveDevice(ref ScanContext c)
    {
        var device = c.Directory.FindDevice(c.Scan.Device);
        if (device is null)
        {
            return Stop(ref c, ReasonCode.UnknownDevice);
        }

        c.Device = device;
        if (!device.Enabled)
        {
            return Stop(ref c, ReasonCode.DeviceDisabled);
        }

        c.Logic = c.Directory.FindLogic(device.Logic);
        c.Site = c.Directory.FindSite(device.Site);
        c.Zone = c.Directory.FindZone(device.Zone);
        c.Organization = c.Directory.FindOrganization(device.Organization);
        if (c.Logic is null || c.Site is null || c.Zone is null || c.Organization is null
            || c.Logic.Organization != device.Organization || c.Site.Organization != device.Organization || c.Zone.Site != device.Site)
        {
            c.Logic = null;
            return Stop(ref c, ReasonCode.DeviceNotConfigured);
        }

        if (c.Scan.PreVerification && !c.Logic.Advanced.EnablePreVerification)
        {
            return Stop(ref c, ReasonCode.PreVerificationDisabled);
        }

        // Days and hours are the site's (R-DEC-06): the wall clock there, whatever the server's zone.
        c.Local = TimeZoneInfo.ConvertTime(c.Scan.At, c.Site.TimeZone).DateTime;
        c.Today = DateOnly.FromDateTime(c.Local);
        c.Direction = device.Direction switch
        {
            DeviceDirection.In => Direction.In,
            DeviceDirection.Out => Direction.Out,
            DeviceDirection.Reported => c.Scan.ReportedDirection ?? Direction.In,
            DeviceDirection.Both => Direction.In, // settled by presence once the person is known
        };
        return true;
    }

    private static bool ResolveCredential(ref ScanContext c)
    {
        var text = c.Scan.Credential.AsSpan();
        var organization = c.Organization!;
        if (text.IsEmpty)
        {
            // Only an entrance reason chosen at the desk may come without a credential (R-GYM-14).
            c.Form = PresentedForm.Anonymous;
            return c.Scan.Reason != EntranceReason.None || Stop(ref c, ReasonCode.UnknownCredential);
        }

        if (StaticQrCode.HasPrefix(text))
        {
            if (StaticQrCode.Verify(organization.QrSigningKey, text, out var qr) != StaticQrStatus.Genuine)
            {
                return Stop(ref c, ReasonCode.QrSignatureInvalid);
            }

            c.Form = PresentedForm.StaticQr;
            c.QrSite = qr.Site;
            c.QrIssuedAt = qr.IssuedAt;
            c.Credential = c.Directory.FindCredential(organization.Id, qr.CredentialValue);
            return c.Credential is not null || Stop(ref c, ReasonCode.UnknownCredential);
        }

        if (RotatingQrCode.HasPrefix(text))
        {
            if (!RotatingQrCode.TryParse(text, out var value, out var code))
            {
                return Stop(ref c, ReasonCode.RotatingCodeInvalid);
            }

            c.Form = PresentedForm.RotatingQr;
            c.Credential = c.Directory.FindCredential(organization.Id, value);
            if (c.Credential is null)
            {
                return Stop(ref c, ReasonCode.UnknownCredential);
            }

            var secret = c.Credential.Secret;
            var genuine = c.Credential.Kind == CredentialKind.RotatingQr && secret is { Length: > 0 } && Totp.Verify(secret, code, c.Scan.At, code.Length == 8 ? 8 : Totp.DefaultDigits);
            return genuine || Stop(ref c, ReasonCode.RotatingCodeInvalid);
        }

        c.Form = PresentedForm.Plain;
        c.Credential = c.Directory.FindCredential(organization.Id, text);
        if (c.Credential is null)
        {
            return Stop(ref c, ReasonCode.UnknownCredential);
        }

        return c.Credential.Kind switch
        {

            // A QR credential's bare number is not the QR: accepting it would make signatures and codes pointless.
            CredentialKind.StaticQr => Stop(ref c, ReasonCode.QrSignatureInvalid),
            CredentialKind.RotatingQr => Stop(ref c, ReasonCode.RotatingCodeInvalid),
            CredentialKind.Card or CredentialKind.Pin or CredentialKind.Fingerprint or CredentialKind.AppToken => true,
        };
    }

    private static bool ResolvePerson(ref ScanContext c)
    {
        if (c.Credential is null)
        {
            return true; // anonymous entrance reason
        }

        c.Entitlements = c.Directory.FindEntitlements(c.Credential.Person);
        var person = c.Entitlements?.Person;
        if (person is null)
        {
            return Stop(ref c, ReasonCode.UnknownCredential);
        }

        if (person.Organization != c.Device!.Organization)
        {
            c.Entitlements = null;
            c.Credential = null;
            return Stop(ref c, ReasonCode.DeviceOfOtherOrganization);
        }

        c.Presence = c.Directory.FindPresence(person.Id);
        c.PresentHere = c.Presence is { } presence && presence.Site == c.Device.Site;
        c.StaffPresencePass = c.PresentHere && c.Presence!.Value.MarkedByStaff && c.Logic!.Advanced.PresenceSkipsMembershipValidation;
        if (c.Device.Direction == DeviceDirection.Both)
        {
            // One reader for both ways toggles; a presence ticked at the desk is a ticket in, not a stay (R-GYM-15).
            c.Direction = c.PresentHere && !c.StaffPresencePass ? Direction.Out : Direction.In;
        }

        if (!person.Active)
        {
            c.Flag(ReasonCode.PersonInactive);
        }

        return true;
    }

    private static bool Stop(ref ScanContext c, ReasonCode code)
    {
        c.Flag(code);
        return false;
    }
}
