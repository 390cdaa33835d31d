using Gatehouse.Engine.Model;
using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>Turns stored entries into rows with names, from the in-memory index (no query per row).</summary>
public sealed class VisitNames(IGatehouseStore store)
{
    public VisitRow Row(AccessEvent entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var index = store.Index;
        var site = entry.Site is { } s ? index.FindSite(s) : null;
        var local = site is null ? entry.At.UtcDateTime : TimeZoneInfo.ConvertTime(entry.At, site.TimeZone).DateTime;

        // An erased visitor (R-VIS-10) or a collected card leaves the event without a person to name.
        var person = entry.Person is { } p ? index.FindEntitlements(p)?.Person.FullName ?? $"Person #{p.Value}" : "Unknown";
        return new VisitRow(
            entry,
            local,
            person,
            index.FindDevice(entry.Device)?.Name ?? $"Device #{entry.Device.Value}",
            site?.Name ?? "—",
            entry.Zone is { } z ? index.FindZone(z)?.Name ?? "—" : "—");
    }
}
