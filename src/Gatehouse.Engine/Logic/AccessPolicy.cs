namespace Gatehouse.Engine.Logic;

/// <summary>
/// The base policy: which entitlements can justify entry. All policies run the same checks; the policy only
/// chooses where a justification may come from and whether studio warnings apply.
/// </summary>
public enum AccessPolicy
{
    /// <summary>Gym: contracts and their access rules, entrance products, bookings, guests.</summary>
    Membership,

    /// <summary>Studio: passes, upcoming bookings, and the studio warnings (R-STU-04…06).</summary>
    Studio,

    /// <summary>Office building: visitor passes and company levels (R-VIS, R-EMP).</summary>
    Building,
}
