using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Scanning;

/// <summary>
/// One presentation of a credential at a device. <see cref="Credential"/> is the raw presented value: a card
/// number, a PIN, a fingerprint reference, an app token, or the full text of a static or rotating QR code.
/// <see cref="DeskSite"/> is the establishment of the receptionist signed in at a manual desk (R-STU-02).
/// A pre-verification asks the same question without side effects (R-GYM-22).
/// </summary>
public readonly record struct Scan(
    DeviceId Device,
    string Credential,
    DateTimeOffset At,
    Direction? ReportedDirection = null,
    GeoPoint? Position = null,
    bool PreVerification = false,
    EntranceReason Reason = EntranceReason.None,
    SiteId? DeskSite = null);
