using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Devices;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Mvc;

namespace Gatehouse.Server.Pages.Devices;

/// <summary>Devices with their one access logic and direction (R-GYM-01), and secret rotation (R-OPS-02).</summary>
public sealed class IndexModel(IGatehouseStore store) : StaffPageModel
{
    public IReadOnlyList<Device> Devices { get; private set; } = [];

    public IReadOnlyList<AccessLogic> Logics { get; private set; } = [];

    public IReadOnlyDictionary<SiteId, string> SiteNames { get; private set; } = new Dictionary<SiteId, string>();

    /// <summary>A freshly rotated secret, shown once: only its hash is stored.</summary>
    public (long Device, string Secret)? NewSecret { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostUpdateAsync(long id, long logic, DeviceDirection direction, CancellationToken cancellationToken)
    {
        var device = await store.GetDeviceAsync(Staff.Organization, new DeviceId(id), cancellationToken);
        if (device is null)
        {
            return NotFound();
        }

        var result = await store.UpdateDeviceAsync(device with { Logic = new AccessLogicId(logic), Direction = direction }, cancellationToken);
        if (!result.IsOk)
        {
            Error = result.Message ?? result.Error.ToString();
            await LoadAsync(cancellationToken);
            return Page();
        }

        Flash = $"Saved {device.Name}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRotateAsync(long id, CancellationToken cancellationToken)
    {
        var secret = DeviceSecretHash.Generate();
        var result = await store.RotateDeviceSecretAsync(Staff.Organization, new DeviceId(id), DeviceSecretHash.Hash(secret), cancellationToken);
        if (result.IsOk)
        {
            NewSecret = (id, secret);
        }
        else
        {
            Error = result.Message ?? result.Error.ToString();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Devices = await store.ListDevicesAsync(Staff.Organization, cancellationToken: cancellationToken);
        Logics = await store.ListLogicsAsync(Staff.Organization, cancellationToken);
        SiteNames = (await store.ListSitesAsync(Staff.Organization, cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
    }
}
