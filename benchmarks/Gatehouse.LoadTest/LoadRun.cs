using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Gatehouse.LoadTest;

/// <summary>
/// N workers, each with requests in flight one at a time over a shared connection pool, scanning members as they
/// come and go (<see cref="VisitMix"/>). Samples after the warm-up are kept; the run stops at the deadline or the request budget.
/// </summary>
public sealed class LoadRun(LoadOptions options, Uri server, long[] devices)
{
    private readonly VisitMix _mix = new(options.People, options.CardsPerPerson, devices, options.DoubleEntrySeconds);
    private long _sent;

    public async Task<LoadResult> RunAsync()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Workers, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        using var http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
        var started = Stopwatch.GetTimestamp();
        var measureFrom = started + (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var workers = Enumerable.Range(0, options.Workers).Select(w => Task.Run(() => WorkAsync(w, http, measureFrom, stopAt))).ToArray();
        var samples = await Task.WhenAll(workers);
        var latencies = samples.SelectMany(s => s.Latencies).ToArray();
        Array.Sort(latencies);
        var measured = Stopwatch.GetElapsedTime(measureFrom, Math.Min(Stopwatch.GetTimestamp(), stopAt));
        return new LoadResult(
            latencies.Length,
            latencies.Length / measured.TotalSeconds,
            Percentile(latencies, 0.50),
            Percentile(latencies, 0.99),
            Percentile(latencies, 0.999),
            samples.Sum(s => s.Granted),
            samples.Sum(s => s.Denied),
            samples.Sum(s => s.Errors));
    }

    private async Task<WorkerSamples> WorkAsync(int worker, HttpClient http, long measureFrom, long stopAt)
    {
        var random = new Random(worker * 7919);
        var result = new WorkerSamples();
        var n = 0;
        VisitScan? previous = null;
        while (Stopwatch.GetTimestamp() < stopAt && Interlocked.Increment(ref _sent) <= options.MaxRequests)
        {
            previous = _mix.Next(random, previous);
            var (device, credential, person) = previous;
            var body = Encoding.UTF8.GetBytes($"{{\"requestId\":\"w{worker}-{n++}\",\"credential\":\"{credential}\"}}");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/devices/{device}/{options.Verb}") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Device", $"{device}:{LoadSeed.Secret(device)}");
            var begin = Stopwatch.GetTimestamp();
            try
            {
                using var response = await http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                _mix.Observe(person, text);
                var end = Stopwatch.GetTimestamp();
                if (begin < measureFrom)
                {
                    continue;
                }

                result.Latencies.Add(end - begin);
                if (!response.IsSuccessStatusCode)
                {
                    result.Errors++;
                }
                else if (text.Contains("\"outcome\":\"Denied\"", StringComparison.Ordinal))
                {
                    result.Denied++;
                }
                else
                {
                    result.Granted++;
                }
            }
            catch (HttpRequestException)
            {
                result.Errors++;
            }
        }

        return result;
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))] * 1000.0 / Stopwatch.Frequency;

    private sealed class WorkerSamples
    {
        public List<long> Latencies { get; } = new(100_000);

        public int Granted { get; set; }

        public int Denied { get; set; }

        public int Errors { get; set; }
    }
}
