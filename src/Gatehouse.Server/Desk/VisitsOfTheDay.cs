using Gatehouse.Server.Auth;
using Gatehouse.Server.Events;
using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>
/// R-STU-10: today's visits, newest first, each with its visit reason. A receptionist sees the manual entries
/// of their own desk and every automatic entry of their establishment; owners and administrators see all. Each
/// site's list starts at its own local midnight, so it is empty again every local day.
/// </summary>
public sealed class VisitsOfTheDay(IGatehouseStore store, VisitNames names, TimeProvider time)
{
    public const int Limit = 500;

    public async Task<IReadOnlyList<VisitRow>> ListAsync(StaffClaims staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var now = time.GetUtcNow();
        var sites = await store.ListSitesAsync(staff.Organization, cancellationToken);
        var rows = new List<VisitRow>();
        foreach (var site in sites.Where(s => staff.IsAdministrator || s.Id == staff.Site))
        {
            var query = new EventQuery(staff.Organization) { Site = site.Id, From = VisitEndpoints.LocalDay(site, now).From, Limit = Limit };
            var page = await store.QueryEventsAsync(query, cancellationToken);
            rows.AddRange(page.Items.Where(e => FrontDesk.MayView(staff, e)).Select(names.Row));
        }

        return rows.OrderByDescending(r => r.Entry.At).ThenByDescending(r => r.Entry.Id.Value).Take(Limit).ToList();
    }
}
