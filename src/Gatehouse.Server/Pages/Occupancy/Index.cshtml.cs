using Gatehouse.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.Occupancy;

/// <summary>Live occupancy per site and zone from presence, against capacity (R-OPS-04). Read from the in-memory index.</summary>
public sealed class IndexModel(IGatehouseStore store) : StaffPageModel
{
    public IReadOnlyList<OccupancyLine> Lines { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Lines = await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnGetListAsync(CancellationToken cancellationToken) => Partial("_Occupancy", await LoadAsync(cancellationToken));

    private async Task<IReadOnlyList<OccupancyLine>> LoadAsync(CancellationToken cancellationToken)
    {
        var index = store.Index;
        var lines = new List<OccupancyLine>();
        foreach (var site in await store.ListSitesAsync(Staff.Organization, cancellationToken))
        {
            if (!Staff.IsAdministrator && site.Id != Staff.Site)
            {
                continue;
            }

            lines.Add(new OccupancyLine(site.Name, true, index.Occupancy(site.Id), site.Capacity));
            foreach (var zone in await store.ListZonesAsync(Staff.Organization, site.Id, cancellationToken))
            {
                lines.Add(new OccupancyLine(zone.Name, false, index.Occupancy(site.Id, zone.Id), zone.Capacity));
            }
        }

        return lines;
    }
}
