namespace Gatehouse.Server.Demo;

/// <summary>
/// The fixed, documented values of the demo (README "Demo data"): sign-ins, device secrets and card numbers, so
/// examples can be copied. Demo only: never use these secrets for a real site.
/// </summary>
public static class DemoData
{
    public const string Password = "gatehouse-demo";

    public const string GymOwner = "owner@ironworks.demo";
    public const string GymAdmin = "admin@ironworks.demo";
    public const string GymReceptionist = "desk@ironworks.demo";
    public const string StudioOwner = "owner@lotus.demo";
    public const string StudioReceptionist = "desk@lotus.demo";
    public const string OfficeAdmin = "admin@harbor.demo";

    public const string GymEntryGateSecret = "demo-gym-entry-gate";
    public const string GymExitGateSecret = "demo-gym-exit-gate";
    public const string GymReaderSecret = "demo-gym-riverside-reader";
    public const string StudioDeskSecret = "demo-studio-desk";
    public const string StudioDoorSecret = "demo-studio-door";
    public const string OfficeKioskSecret = "demo-office-kiosk";
    public const string OfficeAcmeDoorSecret = "demo-office-acme-door";
    public const string OfficeGlobexDoorSecret = "demo-office-globex-door";
    public const string OfficeElevatorSecret = "demo-office-elevator";
    public const string OfficeParkingSecret = "demo-office-parking";

    /// <summary>Anna: an active gym contract at both clubs. Granted at the entry gate.</summary>
    public const string CardActive = "1001";

    /// <summary>Ben: an invoice unpaid for 30 days. Denied: MembershipDebt.</summary>
    public const string CardDebt = "1002";

    /// <summary>Carla: her contract ended last month. Denied: ContractExpired.</summary>
    public const string CardExpired = "1003";

    /// <summary>Dan: an active contract, but this card was reported lost. Denied: CredentialLost.</summary>
    public const string CardLost = "1004";

    /// <summary>Dan's replacement card: granted.</summary>
    public const string CardReplacement = "1005";

    /// <summary>Eli: a blocked card. Denied: CredentialBlocked.</summary>
    public const string CardBlocked = "1006";

    /// <summary>Fay: a studio pass. Granted at the studio door and desk.</summary>
    public const string CardStudioPass = "2001";

    /// <summary>Gus: a booked class today, no pass. Warning: BookingWithoutPass.</summary>
    public const string CardStudioBookingOnly = "2002";

    /// <summary>Hana: a pass and a profile picture changed yesterday. Warning: RecentPictureChange.</summary>
    public const string CardStudioNewPicture = "2003";

    /// <summary>Ivo: a pass in a paused subscription. Denied: SubscriptionPaused.</summary>
    public const string CardStudioPaused = "2004";

    /// <summary>Jack: an Acme employee (floor 5, elevator, parking).</summary>
    public const string CardAcmeEmployee = "3001";

    /// <summary>Kim: a Globex employee (floor 7, elevator; no parking).</summary>
    public const string CardGlobexEmployee = "3002";

    /// <summary>Lena: a visitor's QR token, checked in at the kiosk today.</summary>
    public const string VisitorToken = "V-3003";
}
