using System.Diagnostics;
using System.Globalization;
using Gatehouse.LoadTest;
using Gatehouse.Server.Hosting;
using Gatehouse.Storage;
using Npgsql;

// Loopback only: the server is started here, on 127.0.0.1, against a fresh database that is removed afterwards.
var options = LoadOptions.Parse(args);
var postgres = options.Provider.StartsWith("Postgre", StringComparison.OrdinalIgnoreCase);
string connection;
string? schema = null;
string? folder = null;
if (postgres)
{
    var baseConnection = options.ConnectionString ?? Environment.GetEnvironmentVariable("GATEHOUSE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("PostgreSQL needs --connection or GATEHOUSE_TEST_POSTGRES.");
    schema = "load_" + Guid.NewGuid().ToString("N")[..12];
    await using (var admin = new NpgsqlConnection(baseConnection))
    {
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
        await create.ExecuteNonQueryAsync();
    }

    connection = new NpgsqlConnectionStringBuilder(baseConnection) { SearchPath = schema, MaxPoolSize = 64 }.ConnectionString;
}
else
{
    folder = Path.Combine(Path.GetTempPath(), "gatehouse-load", Guid.NewGuid().ToString("N"));
    Directory.CreateDirectory(folder);
    connection = $"Data Source={Path.Combine(folder, "gatehouse.db")}";
}

try
{
    Console.WriteLine($"Seeding {options.People:N0} people, {options.People * options.CardsPerPerson:N0} credentials on {(postgres ? "PostgreSQL" : "SQLite")}…");
    var seedClock = Stopwatch.StartNew();
    var devices = await LoadSeed.SeedAsync(StoreFactory.ToStoreOptions(new DatabaseOptions
    {
        Provider = postgres ? DatabaseProvider.PostgreSQL : DatabaseProvider.Sqlite,
        ConnectionString = connection,
    }), options, TimeProvider.System);

    Console.WriteLine($"Seeded in {seedClock.Elapsed.TotalSeconds:F1} s.");
    if (postgres)
    {
        await CheckpointAsync(connection);
        Console.WriteLine(await SettingsAsync(connection));
    }

    var url = $"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}";
    var startClock = Stopwatch.StartNew();
    await using var app = ServerApp.Build(
    [
        "--urls", url,
        "--Gatehouse:Database:Provider", postgres ? "PostgreSQL" : "Sqlite",
        "--Gatehouse:Database:ConnectionString", connection,
        "--Logging:LogLevel:Default", "Warning",
    ]);
    await app.StartAsync();
    startClock.Stop();
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var process = Process.GetCurrentProcess();
    Console.WriteLine($"Server started (index loaded) in {startClock.Elapsed.TotalSeconds:F1} s; managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MiB, working set {process.WorkingSet64 / 1048576.0:F0} MiB; "
        + $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {System.Runtime.GCSettings.LatencyMode}.");
    if (!options.StartupOnly)
    {
        var wrk = options.Driver.Equals("wrk", StringComparison.OrdinalIgnoreCase);
        var pace = options.Rate > 0 ? $" at a fixed {options.Rate:N0} scans/s" : string.Empty;
        Console.WriteLine($"Scanning with {options.Workers} {(wrk ? "wrk connections" : "workers")}{pace} for {options.Duration.TotalSeconds:F0} s after {options.Warmup.TotalSeconds:F0} s warm-up…");
        using var writer = new WriterStats();
        using var pauses = new GcPauses();
        using var allocations = Environment.GetEnvironmentVariable("GATEHOUSE_LOAD_ALLOCATIONS") == "1" ? new AllocationSampler() : null;
        var gcBefore = (Gen0: GC.CollectionCount(0), Gen1: GC.CollectionCount(1), Gen2: GC.CollectionCount(2), Pause: GC.GetTotalPauseDuration(), Allocated: GC.GetTotalAllocatedBytes());
        var runClock = Stopwatch.StartNew();
        var result = wrk
            ? await new WrkRun(options, new Uri(url), devices).RunAsync()
            : await new LoadRun(options, new Uri(url), devices).RunAsync();
        var timing = !wrk ? string.Empty
            : options.Rate > 0 ? " (each timed from when it was due)"
            : " (wrk: corrected for coordinated omission)";
        Console.WriteLine($"scans/s {result.ScansPerSecond:F0}  p50 {result.P50:F2} ms  p99 {result.P99:F2} ms  p99.9 {result.P999:F2} ms{timing}");
        if (result.SendLag is { } lag)
        {
            Console.WriteLine($"sent behind schedule: p50 {lag.P50:F2} ms  p99 {lag.P99:F2} ms  p99.9 {lag.P999:F2} ms; {lag.Late:N0} over 1 ms late");
        }

        if (result.Uncorrected is { } raw)
        {
            Console.WriteLine($"answers as timed, uncorrected: p50 {raw.P50:F2} ms  p99 {raw.P99:F2} ms  p99.9 {raw.P999:F2} ms");
        }

        Console.WriteLine(writer.Describe(runClock.Elapsed));
        Console.WriteLine($"GC during warm-up and run: {GC.CollectionCount(0) - gcBefore.Gen0} gen0, {GC.CollectionCount(1) - gcBefore.Gen1} gen1, {GC.CollectionCount(2) - gcBefore.Gen2} gen2; paused {(GC.GetTotalPauseDuration() - gcBefore.Pause).TotalMilliseconds:F0} ms; longest pause {pauses.LongestMs:F1} ms (gen{pauses.LongestGeneration}), {pauses.Over20Ms} over 20 ms; promoted from gen0 {pauses.PromotedFromGen0MiB:F2} MiB per GC; allocated {(GC.GetTotalAllocatedBytes() - gcBefore.Allocated) / 1048576.0:F0} MiB");
        if (allocations is not null)
        {
            Console.WriteLine("allocated, by sampled type:" + Environment.NewLine + allocations.Describe(30));
        }

        if (result.Server is { } server)
        {
            Console.WriteLine($"inside the server: {server.Describe()}");
        }

        if (result.Jit is { } jit)
        {
            Console.WriteLine($"JIT in the measured run: {jit.Methods:N0} methods compiled, {jit.Time.TotalMilliseconds:F0} ms");
        }

        if (result.ServerCpu is { } cpu)
        {
            Console.WriteLine($"server CPU {cpu.TotalSeconds:F1} s in the measured run: {cpu.TotalMicroseconds / Math.Max(1, result.Scans):F0} µs per scan");
        }

        if (result.Machine is { } machine)
        {
            var database = machine.Postgres > TimeSpan.Zero ? $"; PostgreSQL processes {machine.Postgres.TotalMicroseconds / Math.Max(1, result.Scans):F0} µs per scan" : "";
            Console.WriteLine($"machine {machine.Busy:P0} busy, {machine.Steal:P0} stolen by the hypervisor{database}");

            // What neither the server nor PostgreSQL spent: on loopback mostly the generator (wrk), which shares the
            // two cores with them; real devices would not.
            if (result.ServerCpu is { } serverCpu)
            {
                var rest = machine.BusyTime - serverCpu - machine.Postgres;
                Console.WriteLine($"the rest of the busy time (the generator, the kernel's own threads): {rest.TotalMicroseconds / Math.Max(1, result.Scans):F0} µs per scan");
            }
        }

        Console.WriteLine($"measured scans {result.Scans:N0}: granted/warning {result.Granted:N0}, denied {result.Denied:N0}, errors {result.Errors:N0}");
        if (result.DeniedBy is { Count: > 0 } deniedBy)
        {
            Console.WriteLine("denied by first reason: " + string.Join(", ", deniedBy.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value:N0}")));
        }
    }

    await app.StopAsync();
}
finally
{
    if (schema is not null)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(options.ConnectionString ?? Environment.GetEnvironmentVariable("GATEHOUSE_TEST_POSTGRES"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", admin);
        await drop.ExecuteNonQueryAsync();
    }

    if (folder is not null)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

// The settings the figures depend on (docs/postgresql.md), printed with them.
static async Task<string> SettingsAsync(string connection)
{
    string[] names = ["shared_buffers", "max_wal_size", "min_wal_size", "checkpoint_timeout", "wal_compression", "synchronous_commit"];
    await using var admin = new NpgsqlConnection(connection);
    await admin.OpenAsync();
    var settings = new List<string>();
    foreach (var name in names)
    {
        await using var show = new NpgsqlCommand("SELECT current_setting(@name)", admin);
        show.Parameters.AddWithValue("name", name);
        settings.Add($"{name}={await show.ExecuteScalarAsync()}");
    }

    var background = File.Exists("/proc/sys/vm/dirty_background_bytes") ? File.ReadAllText("/proc/sys/vm/dirty_background_bytes").Trim() : "?";
    return $"PostgreSQL: {string.Join(' ', settings)}; kernel vm.dirty_background_bytes={background}";
}

// PostgreSQL leaves the seed's table and index pages to the kernel, which writes them back about 30 s later
// (vm.dirty_expire_centisecs), in the middle of the measured run, stalling the WAL fsyncs for 100 ms or more. A
// checkpoint writes and syncs them now, and recycles the old WAL files, so the run does not create new ones.
static async Task CheckpointAsync(string connection)
{
    try
    {
        await using var admin = new NpgsqlConnection(connection);
        await admin.OpenAsync();
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", admin);
        await checkpoint.ExecuteNonQueryAsync();
    }
    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
    {
        Console.WriteLine("No checkpoint after seeding (the role may not run CHECKPOINT): the seed's writeback may fall in the run.");
    }
}
