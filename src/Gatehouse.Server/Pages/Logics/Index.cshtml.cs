using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.Logics;

/// <summary>Access logic definitions (R-GYM-01): id, name, policy, custom policy, created, modified, edit, delete.</summary>
public sealed class IndexModel(IGatehouseStore store) : StaffPageModel
{
    public IReadOnlyList<AccessLogic> Logics { get; private set; } = [];

    public IReadOnlyDictionary<AccessLogicId, int> DeviceCounts { get; private set; } = new Dictionary<AccessLogicId, int>();

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        var result = await store.DeleteLogicAsync(Staff.Organization, new AccessLogicId(id), cancellationToken);
        if (result.Error == StoreError.InUse)
        {
            // Refused with a clear error (R-GYM-01): the devices keep their logic.
            Error = $"Access logic {id} is used by at least one device; give those devices another logic first.";
            await LoadAsync(cancellationToken);
            return Page();
        }

        Flash = result.IsOk ? $"Access logic {id} deleted." : result.Message;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Logics = await store.ListLogicsAsync(Staff.Organization, cancellationToken);
        var devices = await store.ListDevicesAsync(Staff.Organization, cancellationToken: cancellationToken);
        DeviceCounts = devices.GroupBy(d => d.Logic).ToDictionary(g => g.Key, g => g.Count());
    }
}
