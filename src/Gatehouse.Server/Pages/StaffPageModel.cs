using Gatehouse.Server.Auth;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gatehouse.Server.Pages;

/// <summary>A page for signed-in staff: who they are, their role, organization and desk (R-OPS-01).</summary>
public abstract class StaffPageModel : PageModel
{
    private StaffClaims? _staff;

    /// <summary>Every page under the staff convention requires sign-in, so this is never null in a handler.</summary>
    public StaffClaims Staff => _staff ??= StaffClaims.From(User) ?? throw new InvalidOperationException("Not signed in.");

    /// <summary>A message shown once after a redirect (post/redirect/get).</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Flash { get; set; }
}
