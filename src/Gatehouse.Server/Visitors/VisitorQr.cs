using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Model;
using Gatehouse.Storage.Visitors;

namespace Gatehouse.Server.Visitors;

/// <summary>
/// The text of a visit's QR: the token number signed as a static QR for the visit's site, so only the engine can
/// read it at a door. Issued at the registration time, so the invitation and the API always show the same code.
/// </summary>
public static class VisitorQr
{
    public static string? Text(Organization organization, Visit visit)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(visit);
        return visit.TokenNumber is { Length: > 0 } token ? StaticQrCode.Issue(organization.QrSigningKey, token, visit.Site, visit.CreatedAt) : null;
    }
}
