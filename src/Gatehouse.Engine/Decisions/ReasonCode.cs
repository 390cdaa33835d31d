namespace Gatehouse.Engine.Decisions;

/// <summary>
/// One code per check that failed or warned (R-DEC-01). Stored by name in events, so renaming a member is a
/// data migration; add new codes at the end. <see cref="ReasonCatalog"/> gives each a severity and a message.
/// </summary>
public enum ReasonCode : byte
{
    // Resolution (R-DEC-03)
    UnknownDevice,
    DeviceDisabled,
    DeviceOfOtherOrganization,
    UnknownCredential,
    PersonInactive,

    // Credential state (R-GYM-17/18/19, R-VIS-04, R-EMP-02)
    CredentialBlocked,
    CredentialLost,
    GuestCardBlocked,
    CredentialNotYetValid,
    CredentialExpired,
    CredentialAlreadyUsed,
    CredentialInactiveUntilCheckIn,
    QrCodesBlocked,
    QrSignatureInvalid,
    QrWrongSite,
    QrExpired,
    RotatingCodeInvalid,
    FingerprintNotAccepted,
    FingerprintNotOnCard,

    // Person checks (R-GYM-02/04/08/09/10/11/12, R-STU-02/03)
    MembershipDebt,
    PosBalanceBelowLimit,
    NotPresent,
    AlreadyPresent,
    DoubleScan,
    GenderNotAllowed,
    EmployeeOutsideWorkingHours,
    PositionMissing,
    OutsideGeofence,
    NotValidAtThisEstablishment,

    // Entitlement (R-GYM-05/06/07/16, R-STU-04/05)
    NoValidContract,
    ContractNotStarted,
    ContractExpired,
    ContractBlocked,
    ContractReverted,
    SubscriptionPaused,
    OutsideAllowedHours,
    MainContractRequired,
    ZoneTypeNotAllowed,
    NoEntrancesLeft,
    ExternalAccessDenied,
    ExternalAccessUnavailable,
    PreVerificationDisabled,

    // Visitors and employees (R-VIS, R-EMP)
    VisitorNotCheckedIn,
    OutsideMeetingWindow,
    ZoneNotInAccessLevel,
    NoOfficeBooking,
    QuestionnaireNotPassed,
    SiteCapacityReached,
    ZoneCapacityReached,

    // Warnings (R-STU-06): the person may enter
    SessionAtOtherEstablishment,
    PassDoesNotFitZone,
    BookingInvoiceUnpaid,
    NegativeAccountBalance,
    BookingWithoutPass,
    RecentPictureChange,

    // Appended with the engine (R-DEC-03, R-GYM-14): a device whose logic, site, zone or organization is missing,
    // and an entrance reason the logic does not allow.
    DeviceNotConfigured,
    EntranceReasonNotAllowed,
}
