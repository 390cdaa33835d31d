using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Identity;

namespace Gatehouse.Server.Auth;

/// <summary>Checks a username and password against the stored PBKDF2 hash (ASP.NET Core Identity's hasher).</summary>
public sealed class StaffSignIn(IGatehouseStore store, IPasswordHasher<StaffUser> hasher)
{
    public async Task<ApiResult<StaffClaims>> VerifyAsync(SignInRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrEmpty(request.Password))
        {
            return ApiError.Field("username", "Give a username and a password.");
        }

        var user = await store.FindStaffUserByUsernameAsync(request.Username.Trim(), cancellationToken);
        if (user is null || !user.Active || hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            return new ApiError.Unauthorized("The username or password is wrong.");
        }

        return new StaffClaims(user.Id.Value, user.Username, user.Organization, user.Role, user.Desk, user.Site);
    }
}
