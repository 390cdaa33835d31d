using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Credentials;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Employees;

/// <summary>
/// Hands the employee's app its TOTP secret exactly once (R-EMP-02). Readers never call the phone: the engine checks
/// the code against the stored secret. A second request gets a conflict; re-enrolment issues a new secret.
/// </summary>
public sealed class RotatingQrEnrolment(IGatehouseStore store, IVisitorStore directory, IOptions<EmployeeOptions> options, TimeProvider time)
{
    public async Task<ApiResult<EnrolmentDto>> RevealAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken)
    {
        if (await directory.GetEnrolmentAsync(organization, person, cancellationToken) is not { } enrolment)
        {
            return new ApiError.NotFound("rotating-QR enrolment for person", person.ToString());
        }

        if (!await directory.TryRevealAsync(organization, person, time.GetUtcNow(), cancellationToken))
        {
            return new ApiError.Conflict("The secret was already handed out at enrolment; POST .../enrolment/reset issues a new one.");
        }

        if (await store.GetCredentialAsync(organization, enrolment.Credential, cancellationToken) is not { Secret: { Length: > 0 } secret } credential)
        {
            return new ApiError.Conflict("The enrolment's credential was removed; reset the enrolment.");
        }

        var uri = Totp.OtpAuthUri(secret, options.Value.Issuer, credential.Value);
        return new EnrolmentDto(
            credential.Value,
            uri,
            Convert.ToBase64String(QrImage.Png(uri)),
            Totp.StepSeconds,
            Totp.DefaultDigits,
            $"{RotatingQrCode.Prefix}{credential.Value}.<code>");
    }
}
