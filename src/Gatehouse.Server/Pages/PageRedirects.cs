using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Gatehouse.Server.Pages;

/// <summary>
/// The API answers 401/403 without redirecting; a browser on a page is sent to sign in or to the "not allowed"
/// page instead. Wraps the API's handlers rather than replacing them, so /api keeps its answers.
/// </summary>
internal static class PageRedirects
{
    public static void Apply(CookieAuthenticationOptions options)
    {
        var toLogin = options.Events.OnRedirectToLogin;
        var toDenied = options.Events.OnRedirectToAccessDenied;
        options.Events.OnRedirectToLogin = context => IsPage(context) ? Redirect(context, "/SignIn") : toLogin(context);
        options.Events.OnRedirectToAccessDenied = context => IsPage(context) ? Redirect(context, "/Denied") : toDenied(context);
    }

    private static bool IsPage(RedirectContext<CookieAuthenticationOptions> context) =>
        !context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Path.StartsWithSegments("/desk/stream", StringComparison.OrdinalIgnoreCase)
        && !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context, string page)
    {
        var back = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect(page + QueryString.Create("returnUrl", back.ToString()));
        return Task.CompletedTask;
    }
}
