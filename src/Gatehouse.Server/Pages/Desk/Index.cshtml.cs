using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Desk;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.Desk;

/// <summary>
/// The front desk (R-STU-07, R-STU-09, R-GYM-21): scan or search a member, see their status, address warnings,
/// then allow or refuse entry. Members who scan at this desk's reader arrive by themselves (live feed).
/// </summary>
public sealed class IndexModel(FrontDesk frontDesk) : StaffPageModel
{
    public Device? DeskDevice { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Person> Results { get; private set; } = [];

    public DeskView? Member { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(long? person, long? eventId, bool refresh, long? desk, CancellationToken cancellationToken)
    {
        if (!await LoadDeskAsync(desk, cancellationToken))
        {
            return Page();
        }

        if (eventId is { } id)
        {
            Show(await frontDesk.ViewEventAsync(Staff, new AccessEventId(id), refresh, cancellationToken));
        }
        else if (person is { } who)
        {
            Show(await frontDesk.ViewAsync(Staff, DeskDevice!, new PersonId(who), cancellationToken));
        }
        else if (!string.IsNullOrWhiteSpace(Query))
        {
            Results = await frontDesk.SearchAsync(Staff.Organization, Query, cancellationToken);
            if (Results.Count == 1)
            {
                Show(await frontDesk.ViewAsync(Staff, DeskDevice!, Results[0].Id, cancellationToken));
            }
            else if (Results.Count == 0)
            {
                Error = $"No member matches \"{Query}\".";
            }
        }

        return Page();
    }

    /// <summary>The member panel alone, fetched by the page when the live feed reports a scan at this desk.</summary>
    public async Task<IActionResult> OnGetPanelAsync(long eventId, CancellationToken cancellationToken)
    {
        var view = await frontDesk.ViewEventAsync(Staff, new AccessEventId(eventId), refresh: false, cancellationToken);
        return view.Value is { } member ? Partial("_Member", member) : NotFound();
    }

    /// <summary>Allow or refuse entry (R-STU-07). Without a stored scan (after a search) the member is checked in first.</summary>
    public async Task<IActionResult> OnPostDecideAsync(long person, long? eventId, bool allowed, long? desk, CancellationToken cancellationToken)
    {
        if (!await LoadDeskAsync(desk, cancellationToken))
        {
            return Page();
        }

        var id = eventId is { } given ? new AccessEventId(given) : default;
        AccessEvent? stored = null;
        if (eventId is null)
        {
            var checkedIn = await frontDesk.CheckInAsync(Staff, DeskDevice!, new PersonId(person), cancellationToken);
            if (checkedIn.Error is { } checkInError)
            {
                return Fail(checkInError, person, null);
            }

            id = checkedIn.Value!.Id;
            stored = checkedIn.Value;
            if (allowed && checkedIn.Value.Outcome == Outcome.Denied)
            {
                return Fail(new ApiError.Conflict("Not valid: the member cannot enter. Address the reasons shown, then refresh the status."), person, id.Value);
            }
        }

        if (stored is not null && (stored.Outcome != Outcome.Warning || stored.Mode != EntryMode.Manual))
        {
            // Granted (or an automatic device used as desk): the stored check-in is the entry, nothing waits for staff.
            Flash = "Checked in.";
            return RedirectToPage(new { eventId = id.Value });
        }

        var decided = await frontDesk.DecideAsync(Staff, id, allowed, cancellationToken);
        if (decided.Error is { } error)
        {
            return Fail(error, person, id.Value);
        }

        Flash = allowed ? "Entry allowed and recorded." : "Entry refused and recorded.";
        return RedirectToPage(new { eventId = id.Value });
    }

    public async Task<IActionResult> OnPostValidateIdentityAsync(long person, long? eventId, CancellationToken cancellationToken)
    {
        var error = await frontDesk.ValidateIdentityAsync(Staff, new PersonId(person), cancellationToken);
        Flash = error?.Detail ?? "Identity validated: the picture warning is cleared.";
        return Back(person, eventId, refresh: true);
    }

    public async Task<IActionResult> OnPostMarkPresentAsync(long person, long? eventId, long? desk, CancellationToken cancellationToken)
    {
        if (!await LoadDeskAsync(desk, cancellationToken))
        {
            return Page();
        }

        var error = await frontDesk.MarkPresentAsync(Staff, DeskDevice!, new PersonId(person), cancellationToken);
        Flash = error?.Detail ?? "Marked present by hand.";
        return Back(person, eventId, refresh: true);
    }

    private RedirectToPageResult Back(long person, long? eventId, bool refresh) =>
        eventId is { } id ? RedirectToPage(new { eventId = id, refresh }) : RedirectToPage(new { person });

    private RedirectToPageResult Fail(ApiError error, long person, long? eventId)
    {
        Flash = error.Detail;
        return eventId is { } id ? RedirectToPage(new { eventId = id }) : RedirectToPage(new { person });
    }

    private void Show(ApiResult<DeskView> view)
    {
        Member = view.Value;
        Error = view.Error?.Detail;
    }

    private async Task<bool> LoadDeskAsync(long? desk, CancellationToken cancellationToken)
    {
        DeskDevice = await frontDesk.DeskOfAsync(Staff, desk, cancellationToken);
        if (DeskDevice is null)
        {
            Error = "No desk is chosen: sign in again and choose your desk.";
            return false;
        }

        return true;
    }
}
