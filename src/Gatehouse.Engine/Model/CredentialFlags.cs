namespace Gatehouse.Engine.Model;

/// <summary>States a credential can be in at once (a guest card can also be lost).</summary>
[Flags]
public enum CredentialFlags
{
    None = 0,
    Lost = 1,
    Blocked = 2,

    /// <summary>A card lent to a guest; exit gates that collect cards refuse or swallow it (R-GYM-17).</summary>
    Guest = 4,

    /// <summary>Usable once: after the first granted scan it is marked used (R-GYM-19 mark QR usage).</summary>
    SingleUse = 8,

    /// <summary>A visitor QR that stays dead until check-in at a kiosk or desk (R-VIS-04).</summary>
    InactiveUntilCheckIn = 16,

    /// <summary>A single-use credential that has been used.</summary>
    Used = 32,

    /// <summary>A card that carries an enrolled fingerprint template (R-GYM-18).</summary>
    FingerprintOnCard = 64,

    /// <summary>A physical card or token handed out at a front desk: removed at visitor check-out (R-VIS-07).</summary>
    Physical = 128,
}
