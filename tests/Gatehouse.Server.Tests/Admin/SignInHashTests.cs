using Gatehouse.Server.Auth;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Hosting;
using Gatehouse.Server.Problems;
using Gatehouse.Server.Tests.Infrastructure;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Tests.Admin;

/// <summary>
/// R-OPS-01: a sign-in for a username that does not exist, or is disabled, runs the same password hash as a wrong
/// password for an active user, so how long the answer takes does not tell which usernames exist.
/// </summary>
public sealed class SignInHashTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-OPS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task Unknown_and_disabled_usernames_cost_one_hash_like_a_wrong_password(string provider)
    {
        await using var site = await TestSite.StartAsync(provider);
        var receptionist = await site.Store.FindStaffUserByUsernameAsync(DemoData.GymReceptionist);
        Assert.True((await site.Store.UpdateStaffUserAsync(receptionist! with { Active = false })).IsOk);
        var hasher = new CountingHasher();
        var signIn = new StaffSignIn(site.Store, hasher, new SignInThrottle(Options.Create(new GatehouseOptions()), site.Time));

        foreach (var (username, password) in new[] { (DemoData.GymAdmin, "wrong"), ("nobody@example.com", "wrong"), (DemoData.GymReceptionist, DemoData.Password) })
        {
            var before = hasher.Verifications;
            var result = await signIn.VerifyAsync(new SignInRequest(username, password), null, CancellationToken.None);
            Assert.IsType<ApiError.Unauthorized>(result.Error);
            Assert.Equal(before + 1, hasher.Verifications);
        }

        var admin = await signIn.VerifyAsync(new SignInRequest(DemoData.GymAdmin, DemoData.Password), null, CancellationToken.None);
        Assert.Equal(DemoData.GymAdmin, admin.Value!.UserName);
    }

    /// <summary>The framework's hasher, counting the verifications it runs.</summary>
    private sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new();

        public int Verifications { get; private set; }

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Verifications++;
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
