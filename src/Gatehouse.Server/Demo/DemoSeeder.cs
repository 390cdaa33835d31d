using System.Security.Cryptography;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Devices;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Identity;

namespace Gatehouse.Server.Demo;

/// <summary>
/// Seeds three demo organizations (a two-club gym chain, a studio, an office building) whose people exercise every
/// outcome: granted, warning and denied for debt, an expired pass, a lost card, a paused subscription. Used by
/// <c>gatehouse demo</c> and by the tests. Dates are relative to now, so the demo works on the day it is seeded.
/// </summary>
public sealed partial class DemoSeeder(IGatehouseStore store, IPasswordHasher<StaffUser> hasher, TimeProvider time)
{
    private readonly Dictionary<string, OrganizationId> _organizations = [];
    private readonly Dictionary<string, DeviceId> _devices = [];
    private readonly Dictionary<string, PersonId> _people = [];
    private readonly Dictionary<string, SiteId> _sites = [];

    private string? _passwordHash;

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's UTC midnight: validity periods of the demo start and end on whole days.</summary>
    private DateTimeOffset Today => new(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

    public async Task<DemoSeedResult> SeedAsync(CancellationToken cancellationToken = default)
    {
        await SeedGymAsync(cancellationToken);
        await SeedStudioAsync(cancellationToken);
        await SeedOfficeAsync(cancellationToken);
        return new DemoSeedResult(_organizations, _devices, _people, _sites);
    }

    private async Task<OrganizationId> OrganizationAsync(string key, string name, CancellationToken ct)
    {
        var org = await store.AddOrganizationAsync(new Organization(default, name, RandomNumberGenerator.GetBytes(32)), ct);
        _organizations[key] = org.Id;
        return org.Id;
    }

    private async Task<Site> SiteAsync(string key, OrganizationId org, string name, string timeZone, GeoPoint position, CancellationToken ct)
    {
        var site = Must(await store.AddSiteAsync(new Site(default, org, name, TimeZoneInfo.FindSystemTimeZoneById(timeZone), position), ct));
        _sites[key] = site.Id;
        return site;
    }

    private async Task<Zone> ZoneAsync(OrganizationId org, Site site, string name, ZoneType type, CancellationToken ct) =>
        Must(await store.AddZoneAsync(org, new Zone(default, site.Id, name, type), ct));

    private async Task<AccessLogic> LogicAsync(AccessLogic logic, CancellationToken ct) => Must(await store.AddLogicAsync(logic, ct));

    private async Task DeviceAsync(
        string key, Site site, Zone zone, string name, DeviceKind kind, DeviceDirection direction, EntryMode mode, AccessLogic logic, string secret, CancellationToken ct,
        VisitorCheckpoint checkpoint = VisitorCheckpoint.None, double? geofenceRadiusMeters = null)
    {
        var device = Must(await store.AddDeviceAsync(
            new Device(default, site.Organization, site.Id, zone.Id, name, kind, direction, mode, logic.Id, true, geofenceRadiusMeters, geofenceRadiusMeters is null ? null : site.Position, checkpoint),
            ct));
        Must(await store.RotateDeviceSecretAsync(site.Organization, device.Id, DeviceSecretHash.Hash(secret), ct));
        _devices[key] = device.Id;
    }

    private async Task<Person> PersonAsync(string key, OrganizationId org, PersonKind kind, string first, string last, CancellationToken ct, Gender gender = Gender.Unspecified, CompanyId? company = null, string? email = null)
    {
        var person = Must(await store.AddPersonAsync(new Person(default, org, kind, first, last, gender, company, email), ct));
        _people[key] = person.Id;
        return person;
    }

    private async Task<Credential> CardAsync(OrganizationId org, Person person, string number, CancellationToken ct, CredentialFlags flags = CredentialFlags.None, CredentialKind kind = CredentialKind.Card) =>
        Must(await store.IssueCredentialAsync(org, new Credential(default, person.Id, kind, number, flags), ct));

    private async Task StaffAsync(OrganizationId org, string username, StaffRole role, CancellationToken ct, string? deskKey = null, string? siteKey = null)
    {
        var user = new StaffUser(default, org, username, string.Empty, role,
            Desk: deskKey is null ? null : _devices[deskKey],
            Site: siteKey is null ? null : _sites[siteKey]);
        // Every demo user has the same password: hash it once (PBKDF2 is slow on purpose).
        _passwordHash ??= hasher.HashPassword(user, DemoData.Password);
        user = user with { PasswordHash = _passwordHash };
        Must(await store.AddStaffUserAsync(user, ct));
    }

    private static T Must<T>(StoreResult<T> result) =>
        result.IsOk && result.Value is not null ? result.Value : throw new InvalidOperationException($"Demo seeding failed: {result.Error} {result.Message}");

    private static void Must(StoreResult result)
    {
        if (!result.IsOk)
        {
            throw new InvalidOperationException($"Demo seeding failed: {result.Error} {result.Message}");
        }
    }
}
