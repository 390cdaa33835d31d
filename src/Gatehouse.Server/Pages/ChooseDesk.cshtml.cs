using Gatehouse.Engine.Model;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Desk;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages;

/// <summary>A receptionist's desk, and so their establishment, chosen at sign-in (R-OPS-01, R-STU-02, R-STU-10).</summary>
public sealed class ChooseDeskModel(IGatehouseStore store, FrontDesk desks) : StaffPageModel
{
    private IReadOnlyList<Site> _sites = [];

    public IReadOnlyList<Device> Desks { get; private set; } = [];

    [BindProperty]
    public long? DeskId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string SiteName(SiteId id) => _sites.FirstOrDefault(s => s.Id == id)?.Name ?? "?";

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var desk = Desks.FirstOrDefault(d => d.Id.Value == DeskId);
        if (desk is null)
        {
            ModelState.AddModelError(string.Empty, "Choose one of the desks listed.");
            return Page();
        }

        var claims = Staff with { Desk = desk.Id, Site = desk.Site };
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, claims.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl != "/" ? ReturnUrl : "/Desk");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Desks = await desks.ListDesksAsync(Staff.Organization, cancellationToken);
        _sites = await store.ListSitesAsync(Staff.Organization, cancellationToken);
    }
}
