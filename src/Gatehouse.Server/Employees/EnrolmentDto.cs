namespace Gatehouse.Server.Employees;

/// <summary>
/// What the employee's app receives once (R-EMP-02): the <c>otpauth://</c> URI with the TOTP secret, the same as a QR
/// image (PNG, base64) to scan, and the shape of the rotating code it then shows at readers.
/// </summary>
public sealed record EnrolmentDto(string CredentialValue, string OtpAuthUri, string QrPngBase64, int PeriodSeconds, int Digits, string CodeFormat);
