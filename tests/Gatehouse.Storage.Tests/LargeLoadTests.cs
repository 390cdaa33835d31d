using System.Diagnostics;
using Gatehouse.Engine.Model;
using Xunit.Abstractions;

namespace Gatehouse.Storage.Tests;

/// <summary>
/// Start-time budget: 1,000,000 people and 2,000,000 credentials load into the index in under 30 s and 2 GiB.
/// Minutes of seeding, so opt-in: set GATEHOUSE_LARGE_LOAD=1.
/// </summary>
public sealed class LargeLoadTests(ITestOutputHelper output)
{
    private const int People = 1_000_000;

    [LargeLoadTheory, OnSqlite, OnPostgres]
    public async Task A_million_people_and_two_million_credentials_load_within_the_start_budget(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var org = world.Org;
        var people = Enumerable.Range(1, People).Select(i => new Person(new PersonId(1_000 + i), org, PersonKind.Member, $"First{i}", $"Last{i}", Email: $"m{i}@example.test"));
        var credentials = Enumerable.Range(1, People * 2).Select(i => new Credential(new CredentialId(1_000 + i), new PersonId(1_000 + ((i + 1) / 2)), CredentialKind.Card, $"04{i:D10}"));

        var seeding = Stopwatch.StartNew();
        await store.BulkLoadAsync(org, new BulkSeed(people, credentials));
        output.WriteLine($"{kind}: seeded in {seeding.Elapsed.TotalSeconds:F1} s");
        await store.DisposeAsync();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        var loading = Stopwatch.StartNew();
        var reopened = await sandbox.OpenAsync();
        loading.Stop();
        var used = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        output.WriteLine($"{kind}: index loaded in {loading.Elapsed.TotalSeconds:F1} s, {used / (1024.0 * 1024):F0} MiB managed");

        Assert.Equal(People + 1, reopened.Index.PersonCount);
        Assert.Equal((People * 2) + 1, reopened.Index.CredentialCount);
        Assert.True(loading.Elapsed < TimeSpan.FromSeconds(30), $"Loading took {loading.Elapsed}.");
        Assert.True(used < 2L * 1024 * 1024 * 1024, $"The index used {used} bytes.");
        GC.KeepAlive(reopened);
    }
}
