namespace Gatehouse.Server.Employees;

/// <summary><c>Gatehouse:Employees</c>: profile linking (R-EMP-05), conditional access by default (R-EMP-04), the TOTP issuer.</summary>
public sealed class EmployeeOptions
{
    public const string Section = "Gatehouse:Employees";

    /// <summary>
    /// R-EMP-05: match a new employee by email to an existing profile. Then no token and no level are issued; the
    /// profile's access only becomes conditional on a booked office day (and passed questionnaire).
    /// </summary>
    public bool ProfileLinking { get; set; }

    /// <summary>R-EMP-04: new employees need a booked office day and a passed questionnaire unless the request says otherwise.</summary>
    public bool ConditionalAccess { get; set; }

    /// <summary>Shown by authenticator apps next to the account of a rotating-QR enrolment.</summary>
    public string Issuer { get; set; } = "Gatehouse";
}
