namespace Gatehouse.Server.Auth;

/// <summary>Authorization policy names (R-OPS-01).</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff user, receptionists included.</summary>
    public const string Staff = "staff";

    /// <summary>Owners and administrators: access logic, devices, users, imports.</summary>
    public const string Administrator = "administrator";

    /// <summary>Chooses bearer token or cookie per request.</summary>
    public const string Scheme = "staff";

    public const string Bearer = "Bearer";
}
