using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Demo;

/// <summary>The ids the demo seeding got from the store, by the names the README uses.</summary>
public sealed record DemoSeedResult(
    IReadOnlyDictionary<string, OrganizationId> Organizations,
    IReadOnlyDictionary<string, DeviceId> Devices,
    IReadOnlyDictionary<string, PersonId> People,
    IReadOnlyDictionary<string, SiteId> Sites);
