namespace Gatehouse.Engine.Decisions;

/// <summary>
/// Side effects the server must apply, atomically with the event (R-GYM-21). The engine only names them.
/// A pre-verification (R-GYM-22) never carries any.
/// </summary>
[Flags]
public enum DecisionActions
{
    None = 0,
    AddPresence = 1 << 0,
    RemovePresence = 1 << 1,

    /// <summary>Record the grant time on the credential, for the double-scan check.</summary>
    LockDoubleScan = 1 << 2,

    /// <summary>Mark a single-use QR as used.</summary>
    MarkQrUsage = 1 << 3,

    /// <summary>Remove the card's data (card-collecting slot).</summary>
    CollectCard = 1 << 4,

    /// <summary>Consume one entry of <see cref="Decision.ProductToUse"/>.</summary>
    UseZoneProduct = 1 << 5,

    /// <summary>Mark <see cref="Decision.BookingToMark"/> as used.</summary>
    MarkFacilityBookingUsage = 1 << 6,
    NotifyFrontDesk = 1 << 7,
    OpenProfileAtFrontDesk = 1 << 8,
    VisitorCheckIn = 1 << 9,
    VisitorCheckOut = 1 << 10,

    /// <summary>List the event in reports; a denial without it is only counted (R-GYM-21 log unsuccessful scans).</summary>
    LogEvent = 1 << 11,
}
