namespace Gatehouse.Engine.Logic;

/// <summary>The gym article's advanced settings: exceptions, limits, offsets and credential rules.</summary>
public sealed record AdvancedSettings
{
    /// <summary>R-GYM-02: debt owed by the corporate payer does not deny.</summary>
    public bool AllowCompanyDebt { get; init; }

    /// <summary>R-GYM-03: a payment being processed is not debt.</summary>
    public bool AllowPaymentInProgress { get; init; }

    /// <summary>R-GYM-02: debt younger than this many whole days does not deny.</summary>
    public int AllowedDaysInDebt { get; init; }

    /// <summary>R-GYM-04: a positive amount; a POS balance below minus this denies.</summary>
    public decimal PosBalanceLimit { get; init; }

    /// <summary>R-GYM-14.</summary>
    public bool AllowCustomReason { get; init; }

    /// <summary>R-GYM-14.</summary>
    public bool AllowAccessWithEmployee { get; init; }

    /// <summary>R-GYM-14.</summary>
    public bool AllowGuestEntranceOnPos { get; init; }

    /// <summary>R-GYM-14.</summary>
    public bool AllowGuestEntrance { get; init; }

    /// <summary>R-GYM-15: a presence ticked by hand at the desk skips contract checks.</summary>
    public bool PresenceSkipsMembershipValidation { get; init; }

    /// <summary>R-GYM-07: owners of an entrance product for the zone type may enter.</summary>
    public bool AllowZoneEntranceProduct { get; init; }

    /// <summary>R-GYM-06: only the main contract grants.</summary>
    public bool MainContractHasToBeActive { get; init; }

    /// <summary>R-GYM-16.</summary>
    public bool AllowAccessWithBooking { get; init; }

    /// <summary>R-GYM-16.</summary>
    public bool AllowAccessWithChildBooking { get; init; }

    /// <summary>R-GYM-16: minutes relative to a class's start from which its booking admits; zero or negative.</summary>
    public int BookingStartOffsetMinutes { get; init; } = -15;

    /// <summary>R-GYM-16: minutes after a class's end until which its booking admits.</summary>
    public int BookingEndOffsetMinutes { get; init; } = 15;

    /// <summary>R-GYM-16: as <see cref="BookingStartOffsetMinutes"/>, for facility bookings.</summary>
    public int FacilityBookingStartOffsetMinutes { get; init; } = -10;

    /// <summary>R-GYM-16: as <see cref="BookingEndOffsetMinutes"/>, for facility bookings.</summary>
    public int FacilityBookingEndOffsetMinutes { get; init; } = 10;

    /// <summary>R-GYM-22: devices that ask before the person reaches them need this on too.</summary>
    public bool EnablePreVerification { get; init; }

    /// <summary>R-GYM-10.</summary>
    public int DoubleEntryTimeSeconds { get; init; } = 10;

    /// <summary>R-GYM-17.</summary>
    public bool BlockLostCards { get; init; } = true;

    /// <summary>R-GYM-17.</summary>
    public bool BlockGuestCards { get; init; }

    /// <summary>R-GYM-18.</summary>
    public bool UseFingerprint { get; init; }

    /// <summary>R-GYM-18.</summary>
    public bool RequireFingerprintOnCard { get; init; }

    /// <summary>R-GYM-19.</summary>
    public bool BlockQrCodes { get; init; }

    /// <summary>R-GYM-19.</summary>
    public bool CheckQrSite { get; init; } = true;

    /// <summary>R-GYM-19.</summary>
    public bool CheckQrValidity { get; init; } = true;

    /// <summary>R-GYM-19: a static QR is valid for this many minutes after issue.</summary>
    public int QrValidityMinutes { get; init; } = 15;

    /// <summary>R-GYM-20: ask an external source when nothing internal grants.</summary>
    public bool ExternalAccessAllowed { get; init; }

    /// <summary>R-GYM-20: the external source's URL.</summary>
    public Uri? ExternalAccessUrl { get; init; }

    /// <summary>R-GYM-20: how long to wait for it.</summary>
    public int ExternalAccessBudgetMilliseconds { get; init; } = 300;
}
