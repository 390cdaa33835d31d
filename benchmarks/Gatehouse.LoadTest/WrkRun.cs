using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text;

namespace Gatehouse.LoadTest;

/// <summary>
/// Drives the server with wrk (Debian's package) instead of HttpClient. wrk is an epoll loop in C that costs a
/// fraction of the CPU per request that HttpClient does, so on a two-core machine, where the generator and the
/// server share the cores, far more of the machine goes to the server. Same closed-loop model (N connections,
/// one request in flight each), same mix and unique request ids (scan.lua); a warm-up run first, then the
/// measured run.
/// </summary>
public sealed class WrkRun(LoadOptions options, Uri server, long[] devices)
{
    public async Task<LoadResult> RunAsync()
    {
        var script = Path.Combine(Path.GetTempPath(), $"gatehouse-scan-{Guid.NewGuid():N}.lua");
        var state = Path.ChangeExtension(script, ".state");
        await File.WriteAllTextAsync(script, Script(state));
        try
        {
            await RunWrkAsync(script, options.Warmup, "warm");
            using var self = Process.GetCurrentProcess();
            var before = self.TotalProcessorTime;
            var jitBefore = (Methods: JitInfo.GetCompiledMethodCount(), Time: JitInfo.GetCompilationTime());
            using var latency = new ServerLatency();
            var machine = MachineCpu.Start();
            var output = await RunWrkAsync(script, options.Duration, "run");
            self.Refresh();
            return Parse(output) with
            {
                ServerCpu = self.TotalProcessorTime - before,
                Machine = machine?.Since(),
                Server = latency.Requests,
                Jit = (JitInfo.GetCompiledMethodCount() - jitBefore.Methods, JitInfo.GetCompilationTime() - jitBefore.Time),
            };
        }
        finally
        {
            File.Delete(script);
            File.Delete(state);
        }
    }

    private string Script(string state)
    {
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scan.lua"));
        return template
            .Replace("{ DEVICES }", "{ " + string.Join(", ", devices.Select(d => d.ToString(CultureInfo.InvariantCulture))) + " }", StringComparison.Ordinal)
            .Replace("ENTRY_GATES, EXIT_GATES, READERS", FormattableString.Invariant($"{LoadSeed.EntryGates}, {LoadSeed.ExitGates}, {LoadSeed.Readers}"), StringComparison.Ordinal)
            .Replace("PEOPLE, CARDS_PER_PERSON", FormattableString.Invariant($"{options.People}, {options.CardsPerPerson}"), StringComparison.Ordinal)
            .Replace("\"VERB\"", $"\"{options.Verb}\"", StringComparison.Ordinal)
            .Replace("local rate = RATE", FormattableString.Invariant($"local rate = {options.Rate}"), StringComparison.Ordinal)
            .Replace("local rescan = RESCAN", FormattableString.Invariant($"local rescan = {options.DoubleEntrySeconds + 1}"), StringComparison.Ordinal)
            .Replace("\"STATE\"", $"\"{state}\"", StringComparison.Ordinal);
    }

    private async Task<string> RunWrkAsync(string script, TimeSpan duration, string run)
    {
        var start = new ProcessStartInfo(options.WrkPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "-t", options.WrkThreads.ToString(CultureInfo.InvariantCulture),
            "-c", options.Workers.ToString(CultureInfo.InvariantCulture),
            "-d", $"{Math.Max(1, (int)duration.TotalSeconds)}s",
            "--timeout", "30s",
            "-s", script,
            server.ToString().TrimEnd('/'),
            "--", run, options.WrkThreads.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {options.WrkPath}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await error}");
        }

        return await output;
    }

    /// <summary>The <c>name=number</c> pairs of one line scan.lua printed after its prefix.</summary>
    private static Dictionary<string, long> Values(string line, string prefix) =>
        line[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(pair => pair[0], pair => long.Parse(pair[1], CultureInfo.InvariantCulture));

    /// <summary>The pairs of the first line of the output with this prefix, or null when scan.lua printed none.</summary>
    private static Dictionary<string, long>? Line(string output, string prefix) =>
        output.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line ? Values(line, prefix) : null;

    /// <summary>A line's p50, p99 and p99.9, printed in microseconds, in milliseconds.</summary>
    private static (double P50, double P99, double P999) Percentiles(Dictionary<string, long> values) =>
        (values["p50_us"] / 1000.0, values["p99_us"] / 1000.0, values["p999_us"] / 1000.0);

    private LoadResult Parse(string output)
    {
        var values = Line(output, "WRK ") ?? throw new InvalidOperationException("wrk printed no summary:\n" + output);
        var raw = Line(output, "WRK_RAW ") ?? throw new InvalidOperationException("wrk printed no answer times:\n" + output);
        var seconds = values["duration_us"] / 1e6;
        var answers = Percentiles(raw);

        // At a fixed rate scan.lua times each answer from when its scan was due, which is the figure; wrk's own
        // correction assumes a closed loop and does not apply.
        var open = options.Rate > 0;
        var (p50, p99, p999) = open ? answers : Percentiles(values);
        return new LoadResult(
            values["requests"],
            values["requests"] / seconds,
            p50,
            p99,
            p999,
            (int)values["granted"],
            (int)values["denied"],
            (int)(values["errors"] + values["socket_errors"]))
        {
            Uncorrected = open ? null : answers,
            SendLag = open && Line(output, "WRK_LAG ") is { } lag && Percentiles(lag) is var (lag50, lag99, lag999)
                ? (lag50, lag99, lag999, raw["late"])
                : null,

            // The first reason of each denied answer, as counted by scan.lua.
            DeniedBy = output.Split('\n')
                .Where(l => l.StartsWith("WRK_DENIED ", StringComparison.Ordinal))
                .Select(l => l["WRK_DENIED ".Length..].Split('='))
                .ToDictionary(pair => pair[0], pair => long.Parse(pair[1], CultureInfo.InvariantCulture)),
        };
    }
}
