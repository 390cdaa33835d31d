using Gatehouse.Server.Visitors;
using Gatehouse.Storage.Visitors;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Jobs;

/// <summary>
/// Runs the visitor jobs that are due (R-VIS-08/09/10) and the check-out follow-up of visitors checked out by a
/// reader scan (R-VIS-07). Each job is claimed in one conditional update before it acts and marked done after,
/// so across nodes and restarts it acts once; its actions are idempotent, so a crash between acting and marking
/// repeats nothing harmful when the lease lapses. One run at a time per node.
/// </summary>
public sealed class VisitorJobRunner(
    IVisitorStore visitors,
    VisitorLifecycle lifecycle,
    Gatehouse.Storage.IGatehouseStore store,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<VisitorJobRunner> logger) : IDisposable
{
    public const int BatchSize = 100;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>This process's name in claims.</summary>
    public string Node { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Runs everything due now; returns how many jobs this call completed.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await FollowUpCheckOutsAsync(cancellationToken);
            var completed = 0;
            var now = time.GetUtcNow();
            foreach (var job in await visitors.ListDueJobsAsync(now, BatchSize, cancellationToken))
            {
                if (!await visitors.TryClaimAsync(job.Id, Node, now, now + options.Value.Lease, cancellationToken))
                {
                    continue; // another node has it
                }

                string outcome;
                try
                {
                    outcome = await RunAsync(job, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Visitor job {Job} ({Kind}) failed; it is retried when its claim lapses", job.Id, job.Kind);
                    continue;
                }

                if (await visitors.CompleteAsync(job.Id, Node, time.GetUtcNow(), outcome, cancellationToken))
                {
                    completed++;
                    logger.LogInformation("Visitor job {Job} ({Kind}, visit {Visit}): {Outcome}", job.Id, job.Kind, job.Visit, outcome);
                }
            }

            return completed;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<string> RunAsync(VisitorJob job, CancellationToken cancellationToken)
    {
        if (await visitors.GetVisitAsync(job.Organization, job.Visit, cancellationToken) is not { ErasedAt: null } visit)
        {
            return "nothing to do: the visitor was erased";
        }

        return job.Kind switch
        {
            VisitorJobKind.RemoveCredentials => await lifecycle.RemoveCredentialsOnScheduleAsync(visit, cancellationToken),
            VisitorJobKind.AutoCheckOut => await lifecycle.AutoCheckOutAsync(visit, cancellationToken),
            VisitorJobKind.Erase => (await lifecycle.EraseAsync(job.Organization, job.Person, cancellationToken)) is { Error: { } refused }
                ? "refused: " + refused.Detail
                : "erased",
        };
    }

    /// <summary>
    /// A check-out reader's scan is applied by storage with the event; the visitor rules that follow it (cards,
    /// overdue removal) are ours, so open visits are compared with the in-memory index on every run.
    /// </summary>
    private async Task FollowUpCheckOutsAsync(CancellationToken cancellationToken)
    {
        foreach (var visit in await visitors.ListOpenVisitsAsync(cancellationToken))
        {
            var pass = store.Index.FindEntitlements(visit.Person)?.Visitor;
            if (pass is { CheckedOutAt: not null } && pass.Site == visit.Site && pass.Meeting == visit.Meeting)
            {
                await lifecycle.FollowUpCheckOutAsync(visit, cancellationToken);
            }
        }
    }
}
