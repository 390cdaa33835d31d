using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Server.Pages;

/// <summary>Staff sign-in with a cookie (R-OPS-01). A receptionist picks their desk next (<see cref="ChooseDeskModel"/>).</summary>
public sealed class SignInModel(StaffSignIn signIn) : PageModel
{
    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var verified = await signIn.VerifyAsync(new SignInRequest(Username ?? string.Empty, Password ?? string.Empty), HttpContext.Connection.RemoteIpAddress, cancellationToken);
        if (verified.Value is not { } claims)
        {
            if (verified.Error is ApiError.TooManyRequests refused)
            {
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ProblemMapper.SetRetryAfter(Response, refused.RetryAfter);
            }

            ModelState.AddModelError(string.Empty, verified.Error?.Detail ?? "The username or password is wrong.");
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, claims.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        if (claims.Role == StaffRole.Receptionist)
        {
            return RedirectToPage("/ChooseDesk", new { ReturnUrl });
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return RedirectToPage("/SignIn");
    }
}
