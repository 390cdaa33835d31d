using Gatehouse.Server.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Auth;

/// <summary>Staff sign-in: a bearer token for API clients, a cookie for browser pages (R-OPS-01).</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Staff sign-in");
        group.MapPost("/token", TokenAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Exchange a username and password for a bearer token: send it as 'Authorization: Bearer <accessToken>'.");
        group.MapPost("/login", LoginAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status429TooManyRequests).WithSummary("Sign in with a cookie (browser pages).");
        group.MapPost("/logout", (Delegate)LogoutAsync).RequireAuthorization(StaffPolicies.Staff).WithSummary("End the cookie session.");
        group.MapGet("/me", Me).RequireAuthorization(StaffPolicies.Staff).WithSummary("Who is signed in.");
        return app;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> TokenAsync(SignInRequest request, StaffSignIn signIn, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await signIn.VerifyAsync(request, http.Connection.RemoteIpAddress, cancellationToken);
        return result.Error is { } error
            ? error.ToProblem(http.Response)
            : TypedResults.SignIn(result.Value!.ToPrincipal(StaffPolicies.Bearer), authenticationScheme: StaffPolicies.Bearer);
    }

    private static async Task<Results<Ok<StaffMe>, ProblemHttpResult>> LoginAsync(SignInRequest request, StaffSignIn signIn, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await signIn.VerifyAsync(request, http.Connection.RemoteIpAddress, cancellationToken);
        if (result.Error is { } error)
        {
            return error.ToProblem(http.Response);
        }

        var staff = result.Value!;
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, staff.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return TypedResults.Ok(ToMe(staff));
    }

    private static async Task<NoContent> LogoutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Results<Ok<StaffMe>, UnauthorizedHttpResult> Me(HttpContext http) =>
        StaffClaims.From(http.User) is { } staff ? TypedResults.Ok(ToMe(staff)) : TypedResults.Unauthorized();

    private static StaffMe ToMe(StaffClaims staff) =>
        new(staff.UserId, staff.UserName, staff.Organization.Value, staff.Role, staff.Desk?.Value, staff.Site?.Value);
}
