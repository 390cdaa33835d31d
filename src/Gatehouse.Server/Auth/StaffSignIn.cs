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
        if (user is null || !user.Active || hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            throttle.Failed(user?.Username, address);
            return new ApiError.Unauthorized("The username or password is wrong.");
        }

        throttle.Succeeded(user.Username);
        return new StaffClaims(user.Id.Value, user.Username, user.Organization, user.Role, user.Desk, user.Site);
    }
}
