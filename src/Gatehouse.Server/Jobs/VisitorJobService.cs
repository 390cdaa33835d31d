using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Jobs;

/// <summary>
/// The background loop: runs due jobs at start (so work that fell due while the server was down runs now) and then
/// every <see cref="JobOptions.Interval"/> on the injected clock.
/// </summary>
internal sealed class VisitorJobService(VisitorJobRunner runner, IOptions<JobOptions> options, TimeProvider time, ILogger<VisitorJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The visitor job run failed; retrying after the interval");
            }

            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
