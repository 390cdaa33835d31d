using Gatehouse.Engine.Model;
using Gatehouse.Server.Problems;
using Gatehouse.Server.Visitors;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.Visitors;

/// <summary>
/// Visitors at the desk (R-VIS-01, R-VIS-06, R-VIS-07): pre-register (the invitation goes out with its QR),
/// check in and out, hand out a physical card. Uses the visitor services the API uses.
/// </summary>
public sealed class IndexModel(IGatehouseStore store, IVisitorStore visitors, VisitorRegistration registration, VisitorLifecycle lifecycle, VisitorViews views, TimeProvider time)
    : StaffPageModel
{
    public IReadOnlyList<VisitorDto> Visits { get; private set; } = [];

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    [BindProperty] public string FirstName { get; set; } = "";
    [BindProperty] public string LastName { get; set; } = "";
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Host { get; set; }
    [BindProperty] public string Category { get; set; } = "standard visitor";
    [BindProperty] public long SiteId { get; set; }
    [BindProperty] public DateTime? MeetingFrom { get; set; }
    [BindProperty] public int Hours { get; set; } = 2;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var site = Sites.FirstOrDefault(s => s.Id.Value == SiteId);
        if (site is null)
        {
            ModelState.AddModelError(nameof(SiteId), "Choose a site.");
            return Page();
        }

        // The form's time is the site's wall clock (R-DEC-06).
        var local = MeetingFrom ?? TimeZoneInfo.ConvertTime(time.GetUtcNow(), site.TimeZone).DateTime;
        var from = new DateTimeOffset(local, site.TimeZone.GetUtcOffset(local));
        var request = new PreRegistration(FirstName, LastName, SiteId, from, from.AddHours(Hours), Category, Host, string.IsNullOrWhiteSpace(Email) ? null : Email);
        var visit = await registration.PreRegisterAsync(Staff.Organization, request, cancellationToken);
        if (visit.Error is { } error)
        {
            AddErrors(error);
            return Page();
        }

        Flash = $"{FirstName} {LastName} is pre-registered{(Email is null ? "" : "; the invitation was sent")}.";
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostCheckInAsync(long id, CancellationToken cancellationToken) =>
        OnVisitAsync(id, visit => lifecycle.CheckInAsync(visit, cancellationToken), "Checked in.", cancellationToken);

    public Task<IActionResult> OnPostCheckOutAsync(long id, CancellationToken cancellationToken) =>
        OnVisitAsync(id, visit => lifecycle.CheckOutAsync(visit, cancellationToken), "Checked out.", cancellationToken);

    /// <summary>R-VIS-02: the invitation mail with its QR, sent again.</summary>
    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken cancellationToken)
    {
        var visit = await visitors.GetVisitAsync(Staff.Organization, new VisitId(id), cancellationToken);
        if (visit is null)
        {
            Flash = "Unknown visit.";
            return RedirectToPage();
        }

        var result = await registration.ResendInvitationAsync(visit, cancellationToken);
        Flash = result.Error?.Detail ?? "The invitation was sent again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCardAsync(long id, string? number, CancellationToken cancellationToken)
    {
        var visit = await visitors.GetVisitAsync(Staff.Organization, new VisitId(id), cancellationToken);
        if (visit is null || string.IsNullOrWhiteSpace(number))
        {
            Flash = visit is null ? "Unknown visit." : "Enter the card number.";
            return RedirectToPage();
        }

        if (await lifecycle.CurrentPassAsync(visit, cancellationToken) is not { CheckedOutAt: null })
        {
            Flash = "The visit is over: no card can be added to it.";
            return RedirectToPage();
        }

        var card = new Credential(default, visit.Person, CredentialKind.Card, number.Trim(), CredentialFlags.Physical);
        var issued = await store.IssueCredentialAsync(Staff.Organization, card, cancellationToken);
        Flash = issued.IsOk ? $"Card {number.Trim()} added; it is removed at check-out." : issued.Error == StoreError.Conflict ? "This card number is already in use." : issued.Message;
        return RedirectToPage();
    }

    private async Task<IActionResult> OnVisitAsync(long id, Func<Visit, Task<ApiResult<VisitorPass>>> act, string done, CancellationToken cancellationToken)
    {
        var visit = await visitors.GetVisitAsync(Staff.Organization, new VisitId(id), cancellationToken);
        var result = visit is null ? new ApiResult<VisitorPass>(null, new ApiError.NotFound("visitor", id.ToString(System.Globalization.CultureInfo.InvariantCulture))) : await act(visit);
        Flash = result.Error?.Detail ?? done;
        return RedirectToPage();
    }

    private void AddErrors(ApiError error)
    {
        if (error is ApiError.Invalid { Errors: { } fields })
        {
            foreach (var (field, messages) in fields)
            {
                ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], string.Join(" ", messages));
            }
        }
        else
        {
            ModelState.AddModelError(string.Empty, error.Detail);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sites = await store.ListSitesAsync(Staff.Organization, cancellationToken);
        var list = await visitors.ListVisitsAsync(Staff.Organization, Staff.IsAdministrator ? null : Staff.Site, cancellationToken: cancellationToken);
        var dtos = new List<VisitorDto>();
        foreach (var visit in list.Take(100))
        {
            dtos.Add(await views.ToDtoAsync(visit, cancellationToken));
        }

        Visits = dtos;
        if (SiteId == 0)
        {
            SiteId = Staff.Site?.Value ?? (Sites.Count > 0 ? Sites[0].Id.Value : 0);
        }
    }
}
