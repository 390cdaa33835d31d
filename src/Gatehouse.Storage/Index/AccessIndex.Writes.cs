using System.Runtime.CompilerServices;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Storage.Index;
using Gatehouse.Storage.Sql;

namespace Gatehouse.Storage;

/// <summary>Mutations, called by the store only after the matching write has committed.</summary>
public sealed partial class AccessIndex
{
    [ThreadStatic]
    private static bool t_quiet;

    /// <summary>Told of every change made through the mutators below, so other nodes can re-read it (PostgreSQL NOTIFY).</summary>
    internal Action<ChangeKind, long, string>? Changed { get; set; }

    /// <summary>Runs a change that must not be announced: one that came from another node, or a bulk load.</summary>
    internal void Quietly(Action change)
    {
        t_quiet = true;
        try
        {
            change();
        }
        finally
        {
            t_quiet = false;
        }
    }

    /// <summary>Counts this node's own changes, so a refresh read from the database can tell it raced one (see ApplyIfUnchanged).</summary>
    internal long LocalChanges => Interlocked.Read(ref _localChanges);

    /// <summary>
    /// Applies a refresh read from the database only if no local change happened since <paramref name="seen"/>;
    /// otherwise the read may predate that change and would undo it, so the caller reads again.
    /// </summary>
    internal bool ApplyIfUnchanged(long seen, Action change)
    {
        lock (_gate)
        {
            if (Interlocked.Read(ref _localChanges) != seen)
            {
                return false;
            }

            Quietly(change);
            return true;
        }
    }

    private void Announce(ChangeKind kind, long organization, long id) => Announce(kind, organization, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private void Announce(ChangeKind kind, long organization, string key)
    {
        if (!t_quiet)
        {
            Changed?.Invoke(kind, organization, key);
        }
    }

    /// <summary>Every mutation runs under the gate and, unless quiet, counts as a local change.</summary>
    private void Mutate(Action change)
    {
        lock (_gate)
        {
            change();
            if (!t_quiet)
            {
                Interlocked.Increment(ref _localChanges);
            }
        }
    }

    internal void SetOrganization(Organization value)
    {
        Mutate(() => _organizations[value.Id] = value);
        Announce(ChangeKind.Organization, value.Id.Value, value.Id.Value);
    }

    internal void SetSite(Site value)
    {
        Mutate(() => _sites[value.Id] = value);
        Announce(ChangeKind.Site, value.Organization.Value, value.Id.Value);
    }

    internal void RemoveSite(SiteId id)
    {
        Mutate(() => _sites.TryRemove(id, out _));
        Announce(ChangeKind.Site, 0, id.Value);
    }

    internal void SetZone(Zone value)
    {
        Mutate(() => _zones[value.Id] = value);
        Announce(ChangeKind.Zone, 0, value.Id.Value);
    }

    internal void RemoveZone(ZoneId id)
    {
        Mutate(() => _zones.TryRemove(id, out _));
        Announce(ChangeKind.Zone, 0, id.Value);
    }

    internal void SetDevice(Device value)
    {
        Mutate(() => _devices[value.Id] = value);
        Announce(ChangeKind.Device, value.Organization.Value, value.Id.Value);
    }

    internal void RemoveDevice(DeviceId id)
    {
        Mutate(() =>
        {
            _devices.TryRemove(id, out _);
            _deviceSecrets.TryRemove(id, out _);
        });
        Announce(ChangeKind.Device, 0, id.Value);
    }

    internal void SetLogic(AccessLogic value)
    {
        Mutate(() => _logics[value.Id] = value);
        Announce(ChangeKind.Logic, value.Organization.Value, value.Id.Value);
    }

    internal void RemoveLogic(AccessLogicId id)
    {
        Mutate(() => _logics.TryRemove(id, out _));
        Announce(ChangeKind.Logic, 0, id.Value);
    }

    internal void SetLevel(AccessLevel value)
    {
        Mutate(() => _levels[value.Id] = value);
        Announce(ChangeKind.Level, value.Organization.Value, value.Id.Value);
    }

    internal void RemoveLevel(AccessLevelId id)
    {
        Mutate(() => _levels.TryRemove(id, out _));
        Announce(ChangeKind.Level, 0, id.Value);
    }

    internal void SetDeviceSecret(DeviceId device, string? hash)
    {
        Mutate(() =>
        {
            if (hash is null)
            {
                _deviceSecrets.TryRemove(device, out _);
            }
            else
            {
                _deviceSecrets[device] = hash;
            }
        });

        Announce(ChangeKind.Secret, 0, device.Value);
    }

    /// <summary>The credential as read from the database, its last grant included.</summary>
    internal void SetCredential(OrganizationId organization, Credential credential)
    {
        var record = credential.LastGrantedAt is null ? credential : credential with { LastGrantedAt = null };
        Mutate(() => _credentials.GetOrAdd(organization, static _ => new Index.OrganizationCredentials()).Set(record, credential.LastGrantedAt));
        Announce(ChangeKind.Credential, organization.Value, credential.Value);
    }

    /// <summary>
    /// Loader only: no announcement, no gate (nobody reads the index before it is loaded). The record comes without
    /// its last grant so that two million of them are not built twice.
    /// </summary>
    internal void LoadCredential(OrganizationId organization, Credential record, DateTimeOffset? lastGrant) =>
        _credentials.GetOrAdd(organization, static _ => new Index.OrganizationCredentials()).Set(record, lastGrant);

    /// <summary>
    /// A grant's effects on its card, written in place: its flags (a collected card) and, when it locks double
    /// scans, its last grant. No new record unless the flags change (see <see cref="Index.CredentialSlot"/>).
    /// </summary>
    internal void ApplyGrant(OrganizationId organization, string value, CredentialFlags flags, DateTimeOffset? lastGrant)
    {
        Mutate(() =>
        {
            if (_credentials.TryGetValue(organization, out var credentials) && credentials.Find(value) is { } slot)
            {
                slot.SetFlags(flags);
                if (lastGrant is { } at)
                {
                    slot.Grant(at);
                }
            }
        });

        // A lock changes no row on PostgreSQL (the event is its record): other nodes are told the grant itself.
        if (lastGrant is { } granted)
        {
            Announce(ChangeKind.Grant, organization.Value, GrantKey(granted, value));
        }
        else
        {
            Announce(ChangeKind.Credential, organization.Value, value);
        }
    }

    /// <summary>
    /// A card's grant made elsewhere (another node's scan, or an event read at start), kept if it is the later one.
    /// No announcement: it is not this node's change.
    /// </summary>
    internal void LearnGrant(OrganizationId organization, string value, DateTimeOffset at) =>
        Mutate(() =>
        {
            if (_credentials.TryGetValue(organization, out var credentials) && credentials.Find(value) is { } slot)
            {
                slot.GrantIfLater(at);
            }
        });

    /// <summary>The change feed's key for a grant: its UTC ticks, then the credential's value (which may hold any character).</summary>
    internal static string GrantKey(DateTimeOffset at, string value) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{at.UtcTicks}|{value}");

    internal static (DateTimeOffset At, string Value)? ParseGrantKey(string key) =>
        key.IndexOf('|', StringComparison.Ordinal) is var bar and > 0
            && long.TryParse(key.AsSpan(0, bar), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            && ticks > 0 && ticks <= DateTimeOffset.MaxValue.UtcTicks
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), key[(bar + 1)..])
            : null;

    internal void RemoveCredential(OrganizationId organization, string value)
    {
        Mutate(() =>
        {
            if (_credentials.TryGetValue(organization, out var credentials))
            {
                credentials.Remove(value);
            }
        });

        Announce(ChangeKind.Credential, organization.Value, value);
    }

    /// <summary>Sizes an organization's credential table up front so a bulk load does not rehash two million times.</summary>
    internal void ReserveCredentials(OrganizationId organization, int capacity) =>
        _credentials.GetOrAdd(organization, _ => new Index.OrganizationCredentials(capacity));

    /// <summary>Creates the person's snapshot or replaces the person inside it.</summary>
    internal void SetPerson(Person person)
    {
        Mutate(() =>
        {
            _people[person.Id] = _people.TryGetValue(person.Id, out var current) ? current with { Person = person } : new Entitlements(person);
        });

        Announce(ChangeKind.Person, person.Organization.Value, person.Id.Value);
    }

    /// <summary>Used by the loader: the whole snapshot at once.</summary>
    internal void SetEntitlements(Entitlements entitlements) => _people[entitlements.Person.Id] = entitlements;

    /// <summary>A person re-read from the database (another node's write): the snapshot and where the person is.</summary>
    internal void SetPerson(Entitlements entitlements, Presence? presence)
    {
        Mutate(() =>
        {
            _people[entitlements.Person.Id] = entitlements;
            WritePresence(entitlements.Person.Id, presence);
        });

        Announce(ChangeKind.Person, entitlements.Person.Organization.Value, entitlements.Person.Id.Value);
    }

    internal void RemovePerson(PersonId person)
    {
        Mutate(() =>
        {
            _people.TryRemove(person, out _);
            if (_presence.TryRemove(person, out var slot) && slot.Read(person) is { } presence)
            {
                Count(presence, -1);
            }
        });

        Announce(ChangeKind.Person, 0, person.Value);
    }

    /// <summary>Copy-on-write: <paramref name="change"/> builds the new snapshot from the current one.</summary>
    internal void Update(PersonId person, Func<Entitlements, Entitlements> change)
    {
        Mutate(() =>
        {
            if (_people.TryGetValue(person, out var current))
            {
                _people[person] = change(current);
            }
        });

        Announce(ChangeKind.Person, 0, person.Value);
    }

    /// <summary>
    /// The index holds one presence per person (the engine's model); the database may hold one per site. The latest
    /// entry wins here; occupancy counters count every presence row.
    /// </summary>
    internal void AddPresence(Presence presence)
    {
        Mutate(() =>
        {
            Count(presence, +1);
            if (_people.ContainsKey(presence.Person))
            {
                WritePresence(presence.Person, presence);
            }
        });

        Announce(ChangeKind.Person, 0, presence.Person.Value);
        Announce(ChangeKind.Presence, 0, presence.Site.Value);
    }

    internal void RemovePresence(PersonId person, SiteId site, ZoneId? zone)
    {
        Mutate(() =>
        {
            Count(new Presence(person, site, default, Zone: zone), -1);
            if (_presence.TryGetValue(person, out var slot) && slot.Site == site)
            {
                slot.Write(null);
            }
        });

        Announce(ChangeKind.Person, 0, person.Value);
        Announce(ChangeKind.Presence, 0, site.Value);
    }

    /// <summary>Sets a site's counters to a fresh count (after another node's presence change); zones not listed become 0.</summary>
    internal void SetOccupancy(SiteId site, int total, IReadOnlyDictionary<ZoneId, int> zones)
    {
        lock (_gate)
        {
            Volatile.Write(ref _siteOccupancy.GetOrAdd(site, static _ => new StrongBox<int>()).Value, total);
            foreach (var zone in _zones.Values.Where(z => z.Site == site).Select(z => z.Id).Concat(zones.Keys).Distinct())
            {
                Volatile.Write(ref _zoneOccupancy.GetOrAdd(zone, static _ => new StrongBox<int>()).Value, zones.GetValueOrDefault(zone));
            }
        }
    }

    /// <summary>
    /// Loader only (no gate, no announcement): counts every presence row and keeps the last one given per person,
    /// so rows read in order of <c>since</c> leave the latest.
    /// </summary>
    internal void LoadPresence(Presence presence)
    {
        Count(presence, +1);
        WritePresence(presence.Person, presence);
    }

    /// <summary>Under the gate (or while loading): the slot is written in place, created on a person's first entry.</summary>
    private void WritePresence(PersonId person, Presence? presence)
    {
        if (presence is not null)
        {
            _presence.GetOrAdd(person, static _ => new PresenceSlot()).Write(presence);
        }
        else if (_presence.TryGetValue(person, out var slot))
        {
            slot.Write(null);
        }
    }

    private void Count(Presence presence, int delta)
    {
        Interlocked.Add(ref _siteOccupancy.GetOrAdd(presence.Site, static _ => new StrongBox<int>()).Value, delta);
        if (presence.Zone is { } zone)
        {
            Interlocked.Add(ref _zoneOccupancy.GetOrAdd(zone, static _ => new StrongBox<int>()).Value, delta);
        }
    }
}
