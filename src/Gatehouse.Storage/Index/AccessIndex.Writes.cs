using System.Runtime.CompilerServices;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>Mutations, called by the store only after the matching write has committed.</summary>
public sealed partial class AccessIndex
{
    internal void SetOrganization(Organization value) => _organizations[value.Id] = value;

    internal void SetSite(Site value) => _sites[value.Id] = value;

    internal void RemoveSite(SiteId id) => _sites.TryRemove(id, out _);

    internal void SetZone(Zone value) => _zones[value.Id] = value;

    internal void RemoveZone(ZoneId id) => _zones.TryRemove(id, out _);

    internal void SetDevice(Device value) => _devices[value.Id] = value;

    internal void RemoveDevice(DeviceId id)
    {
        _devices.TryRemove(id, out _);
        _deviceSecrets.TryRemove(id, out _);
    }

    internal void SetLogic(AccessLogic value) => _logics[value.Id] = value;

    internal void RemoveLogic(AccessLogicId id) => _logics.TryRemove(id, out _);

    internal void SetLevel(AccessLevel value) => _levels[value.Id] = value;

    internal void RemoveLevel(AccessLevelId id) => _levels.TryRemove(id, out _);

    internal void SetDeviceSecret(DeviceId device, string? hash)
    {
        if (hash is null)
        {
            _deviceSecrets.TryRemove(device, out _);
        }
        else
        {
            _deviceSecrets[device] = hash;
        }
    }

    internal void SetCredential(OrganizationId organization, Credential credential) =>
        _credentials.GetOrAdd(organization, static _ => new Index.OrganizationCredentials()).Set(credential);

    internal void RemoveCredential(OrganizationId organization, string value)
    {
        if (_credentials.TryGetValue(organization, out var credentials))
        {
            credentials.Remove(value);
        }
    }

    /// <summary>Sizes an organization's credential table up front so a bulk load does not rehash two million times.</summary>
    internal void ReserveCredentials(OrganizationId organization, int capacity) =>
        _credentials.GetOrAdd(organization, _ => new Index.OrganizationCredentials(capacity));

    /// <summary>Creates the person's snapshot or replaces the person inside it.</summary>
    internal void SetPerson(Person person)
    {
        lock (_gate)
        {
            _people[person.Id] = _people.TryGetValue(person.Id, out var current) ? current with { Person = person } : new Entitlements(person);
        }
    }

    /// <summary>Used by the loader: the whole snapshot at once.</summary>
    internal void SetEntitlements(Entitlements entitlements) => _people[entitlements.Person.Id] = entitlements;

    internal void RemovePerson(PersonId person)
    {
        lock (_gate)
        {
            if (_people.TryRemove(person, out var removed) && removed.Presence is { } presence)
            {
                Count(presence, -1);
            }
        }
    }

    /// <summary>Copy-on-write: <paramref name="change"/> builds the new snapshot from the current one.</summary>
    internal void Update(PersonId person, Func<Entitlements, Entitlements> change)
    {
        lock (_gate)
        {
            if (_people.TryGetValue(person, out var current))
            {
                _people[person] = change(current);
            }
        }
    }

    /// <summary>
    /// The snapshot holds one presence (the engine's model); the database may hold one per site. The latest entry
    /// wins here; occupancy counters count every presence row.
    /// </summary>
    internal void AddPresence(Presence presence)
    {
        lock (_gate)
        {
            Count(presence, +1);
            if (_people.TryGetValue(presence.Person, out var current))
            {
                _people[presence.Person] = current with { Presence = presence };
            }
        }
    }

    internal void RemovePresence(PersonId person, SiteId site, ZoneId? zone)
    {
        lock (_gate)
        {
            Count(new Presence(person, site, default, Zone: zone), -1);
            if (_people.TryGetValue(person, out var current) && current.Presence?.Site == site)
            {
                _people[person] = current with { Presence = null };
            }
        }
    }

    /// <summary>Loader only: counts a presence that is not the one in the snapshot.</summary>
    internal void CountPresence(Presence presence) => Count(presence, +1);

    private void Count(Presence presence, int delta)
    {
        Interlocked.Add(ref _siteOccupancy.GetOrAdd(presence.Site, static _ => new StrongBox<int>()).Value, delta);
        if (presence.Zone is { } zone)
        {
            Interlocked.Add(ref _zoneOccupancy.GetOrAdd(zone, static _ => new StrongBox<int>()).Value, delta);
        }
    }
}
