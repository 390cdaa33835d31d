using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Gatehouse.Server.Hosting;

namespace Gatehouse.Server.Auth;

/// <summary>
/// Staff sign in with a cookie (browser pages) or a bearer token from <c>POST /api/v1/auth/token</c> (API clients).
/// One policy scheme picks per request, so every admin endpoint accepts both (R-OPS-01).
/// </summary>
public static class StaffAuthentication
{
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(StaffPolicies.Scheme)
            .AddPolicyScheme(StaffPolicies.Scheme, "Cookie or bearer token", options =>
            {
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                        ? StaffPolicies.Bearer
                        : CookieAuthenticationDefaults.AuthenticationScheme;
            })
            .AddBearerToken(StaffPolicies.Bearer)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, options =>
            {
                options.Cookie.Name = "gatehouse";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.SlidingExpiration = true;

                // The API answers 401/403 instead of redirecting to a login page; pages can set LoginPath later.
                options.Events.OnRedirectToLogin = context => Deny(context.Response, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Deny(context.Response, StatusCodes.Status403Forbidden);
            });
        services.AddOptions<BearerTokenOptions>(StaffPolicies.Bearer)
            .Configure<IOptions<GatehouseOptions>>((options, gatehouse) => options.BearerTokenExpiration = gatehouse.Value.StaffSessionLifetime);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<GatehouseOptions>>((options, gatehouse) => options.ExpireTimeSpan = gatehouse.Value.StaffSessionLifetime);

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(StaffPolicies.Administrator, policy => policy.RequireRole(nameof(Gatehouse.Storage.StaffRole.Owner), nameof(Gatehouse.Storage.StaffRole.Administrator)));
        return services;
    }

    private static Task Deny(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
