using Gatehouse.Server.Desk;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.Visits;

/// <summary>Visits of the day (R-STU-10), live: new entries appear without a refresh.</summary>
public sealed class IndexModel(VisitsOfTheDay visits) : StaffPageModel
{
    public IReadOnlyList<VisitRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Rows = await visits.ListAsync(Staff, cancellationToken);

    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken) =>
        Partial("_VisitTable", await visits.ListAsync(Staff, cancellationToken));
}
