using System.Globalization;
using System.Net;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Identity;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Checks a username and password against the stored PBKDF2 hash (ASP.NET Core Identity's hasher), unless too many
/// failed attempts for that username or from that address came first (<see cref="SignInThrottle"/>).
/// </summary>
public sealed class StaffSignIn(IGatehouseStore store, IPasswordHasher<StaffUser> hasher, SignInThrottle throttle)
{
    private static readonly StaffUser Nobody = new(default, default, string.Empty, string.Empty, StaffRole.Receptionist, null, null, null, Active: false);

    // A hash of a random password, made once with the configured hasher (so with its iteration count).
    private readonly Lazy<string> _nobodyHash = new(() => hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public async Task<ApiResult<StaffClaims>> VerifyAsync(SignInRequest request, IPAddress? address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return ApiError.Field("username", "Give a username and a password.");
        }

        var username = request.Username.Trim();
        if (throttle.RetryAfter(username, address) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
            return new ApiError.TooManyRequests($"Too many failed sign-ins; try again in {minutes} minute(s).", wait);
        }

        var user = await store.FindStaffUserByUsernameAsync(username, cancellationToken);
        if (user is not { Active: true } active || hasher.VerifyHashedPassword(active, active.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            if (user is not { Active: true })
            {
                // The same hash work as for an active user, so the answer's timing does not tell which usernames
                // exist or are disabled. Affordable because failures are throttled per address before getting here.
                hasher.VerifyHashedPassword(Nobody, _nobodyHash.Value, request.Password);
            }

            throttle.Failed(user?.Username, address);
            return new ApiError.Unauthorized("The username or password is wrong.");
        }

        throttle.Succeeded(active.Username);
        return new StaffClaims(active.Id.Value, active.Username, active.Organization, active.Role, active.Desk, active.Site);
    }
}
