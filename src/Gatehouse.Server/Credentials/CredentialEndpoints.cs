using System.Security.Cryptography;
using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Credentials;

/// <summary>Credentials: issue (cards, PINs, signed static QR, rotating QR), block, report lost, delete (R-GYM-17, R-GYM-19).</summary>
public static class CredentialEndpoints
{
    public static IEndpointRouteBuilder MapCredentials(this IEndpointRouteBuilder app)
    {
        var people = app.MapGroup("/api/v1/people/{personId:long}").WithTags("Credentials").RequireAuthorization(StaffPolicies.Staff);
        people.MapGet("/credentials", ListAsync);
        people.MapPost("/credentials", IssueAsync);
        people.MapPost("/static-qr", IssueStaticQrAsync).WithSummary("Issue a signed static QR for the member, valid at one site (R-GYM-19).");

        var group = app.MapGroup("/api/v1/credentials").WithTags("Credentials").RequireAuthorization(StaffPolicies.Staff);
        group.MapGet("/{id:long}", GetAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
        group.MapPost("/{id:long}/block", (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) => FlagAsync(id, CredentialFlags.Blocked, CredentialFlags.None, s, st, ct));
        group.MapPost("/{id:long}/unblock", (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) => FlagAsync(id, CredentialFlags.None, CredentialFlags.Blocked, s, st, ct));
        group.MapPost("/{id:long}/lost", (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) => FlagAsync(id, CredentialFlags.Lost, CredentialFlags.None, s, st, ct))
            .WithSummary("Report the card lost: logics that block lost cards refuse it (R-GYM-17).");
        group.MapPost("/{id:long}/found", (long id, StaffClaims s, IGatehouseStore st, CancellationToken ct) => FlagAsync(id, CredentialFlags.None, CredentialFlags.Lost, s, st, ct));
        return app;
    }

    private static async Task<Results<Ok<CredentialDto[]>, ProblemHttpResult>> ListAsync(long personId, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        if (await store.GetPersonAsync(staff.Organization, new PersonId(personId), ct) is null)
        {
            return StoreErrors.NotFound("person", personId);
        }

        return TypedResults.Ok((await store.ListCredentialsAsync(staff.Organization, new PersonId(personId), ct)).Select(CredentialDto.From).ToArray());
    }

    private static async Task<Results<Ok<CredentialDto>, ProblemHttpResult>> GetAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        StoreErrors.Found(await store.GetCredentialAsync(staff.Organization, new CredentialId(id), ct), "credential", id, CredentialDto.From);

    private static async Task<Results<Ok<IssuedCredentialDto>, ProblemHttpResult>> IssueAsync(long personId, CredentialRequest request, StaffClaims staff, IGatehouseStore store, CancellationToken ct)
    {
        TimeWindow? validity = null;
        if (request.ValidFrom is not null || request.ValidUntil is not null)
        {
            var window = Validate.Window(request.ValidFrom ?? DateTimeOffset.MinValue, request.ValidUntil ?? DateTimeOffset.MaxValue, "valid");
            if (window.Error is { } error)
            {
                return error.ToProblem();
            }

            validity = window.Value;
        }

        var value = request.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (request.Kind is not (CredentialKind.StaticQr or CredentialKind.RotatingQr or CredentialKind.AppToken))
            {
                return ApiError.Field("value", "A card number, PIN or fingerprint reference is required.").ToProblem();
            }

            value = RandomValue();
        }
        else if (value.Length > 128 || StaticQrCode.HasPrefix(value) || RotatingQrCode.HasPrefix(value))
        {
            return ApiError.Field("value", "The value must have at most 128 characters and not look like a QR code's text.").ToProblem();
        }

        var secret = request.Kind == CredentialKind.RotatingQr ? RandomNumberGenerator.GetBytes(20) : null;
        var credential = new Credential(default, new PersonId(personId), request.Kind, value, request.Flags, validity, secret);
        var issued = await store.IssueCredentialAsync(staff.Organization, credential, ct);
        return issued.IsOk && issued.Value is not null
            ? TypedResults.Ok(new IssuedCredentialDto(CredentialDto.From(issued.Value), RotatingSecretBase32: secret is null ? null : Base32.Encode(secret)))
            : issued.ToResult().ToApiError(issued.Error == StoreError.Conflict ? "credential" : "person").ToProblem();
    }

    private static async Task<Results<Ok<IssuedCredentialDto>, ProblemHttpResult>> IssueStaticQrAsync(
        long personId, StaticQrRequest request, StaffClaims staff, IGatehouseStore store, TimeProvider time, CancellationToken ct)
    {
        var org = await store.GetOrganizationAsync(staff.Organization, ct);
        if (org is null || await store.GetSiteAsync(staff.Organization, new SiteId(request.SiteId), ct) is null)
        {
            return StoreErrors.NotFound("site", request.SiteId);
        }

        var credential = new Credential(default, new PersonId(personId), CredentialKind.StaticQr, RandomValue());
        var issued = await store.IssueCredentialAsync(staff.Organization, credential, ct);
        if (!issued.IsOk || issued.Value is null)
        {
            return issued.ToResult().ToApiError("person").ToProblem();
        }

        var text = StaticQrCode.Issue(org.QrSigningKey, issued.Value.Value, new SiteId(request.SiteId), time.GetUtcNow());
        return TypedResults.Ok(new IssuedCredentialDto(CredentialDto.From(issued.Value), text, Convert.ToBase64String(QrImage.Png(text))));
    }

    private static async Task<Results<Ok<CredentialDto>, ProblemHttpResult>> FlagAsync(long id, CredentialFlags set, CredentialFlags clear, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        (await store.SetCredentialFlagsAsync(staff.Organization, new CredentialId(id), set, clear, ct)).Reply("credential", CredentialDto.From);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, StaffClaims staff, IGatehouseStore store, CancellationToken ct) =>
        (await store.DeleteCredentialAsync(staff.Organization, new CredentialId(id), ct)).Reply("credential");

    private static string RandomValue() => "Q" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
