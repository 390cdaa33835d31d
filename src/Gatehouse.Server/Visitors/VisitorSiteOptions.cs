namespace Gatehouse.Server.Visitors;

/// <summary>The visitor workflow of one site (<c>Gatehouse:Visitors:Sites:&lt;site id or name&gt;</c>).</summary>
public sealed class VisitorSiteOptions
{
    /// <summary>R-VIS-04: the invitation QR stays dead until the visitor checks in at a kiosk or desk.</summary>
    public bool QrInactiveUntilCheckIn { get; set; }

    /// <summary>R-VIS-05: access level (name or id) held before check-in, e.g. the outer doors leading to the kiosk.</summary>
    public string? PreCheckInLevel { get; set; }
}
