using Gatehouse.Engine.Model;
using Gatehouse.Server.Devices;

namespace Gatehouse.Server.Tests.Visitors;

/// <summary>Extra readers in the demo tower's lobby, added through the store, for workflows the demo does not wire.</summary>
public static class OfficeDevices
{
    public const string Secret = "test-lobby-device";

    /// <summary>A lobby reader with the office door logic: <paramref name="checkpoint"/> makes it a check-in/out point.</summary>
    public static async Task<long> AddLobbyReaderAsync(OfficeHost host, string name, DeviceDirection direction, VisitorCheckpoint checkpoint)
    {
        var zones = await host.Store.ListZonesAsync(host.Org, new SiteId(host.Site));
        var lobby = zones.Single(z => z.Name == "Lobby");
        var door = host.Store.Index.FindDevice(host.Demo.Devices["office-acme-door"])!;
        var added = await host.Store.AddDeviceAsync(new Device(default, host.Org, new SiteId(host.Site), lobby.Id, name, DeviceKind.Turnstile, direction, EntryMode.Automatic, door.Logic, Checkpoint: checkpoint));
        Assert.True(added.IsOk, added.Message);
        Assert.True((await host.Store.RotateDeviceSecretAsync(host.Org, added.Value!.Id, DeviceSecretHash.Hash(Secret))).IsOk);
        return added.Value.Id.Value;
    }
}
