using System.Globalization;
using Gatehouse.Engine.Model;
using Gatehouse.Storage.Sql;

namespace Gatehouse.Storage.Visitors;

internal sealed partial class SqlVisitorStore
{
    private const string JobColumns = "id, organization_id, visit_id, person_id, kind, due_at, attempts, done_at, outcome";

    public async Task<VisitorJob> ScheduleAsync(VisitorJob job, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO visitor_jobs (organization_id, visit_id, person_id, kind, due_at, attempts) VALUES (@org, @visit, @person, @kind, @due, 0) " +
            "ON CONFLICT (visit_id, kind) DO UPDATE SET due_at = excluded.due_at, done_at = NULL, outcome = NULL, claimed_by = NULL, claimed_until = NULL RETURNING id, attempts")
            .With("org", job.Organization.Value).With("visit", job.Visit.Value).With("person", job.Person.Value)
            .With("kind", job.Kind.ToString()).With("due", dialect.Instant(job.DueAt));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return job with { Id = new VisitorJobId(reader.GetInt64(0)), Attempts = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), DoneAt = null, Outcome = null };
    }

    public Task<IReadOnlyList<VisitorJob>> ListJobsAsync(OrganizationId organization, VisitId visit, CancellationToken cancellationToken = default) =>
        QueryJobsAsync($"SELECT {JobColumns} FROM visitor_jobs WHERE organization_id = @org AND visit_id = @visit ORDER BY due_at, id", cancellationToken, ("org", organization.Value), ("visit", visit.Value));

    public Task<IReadOnlyList<VisitorJob>> ListDueJobsAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        QueryJobsAsync(
            $"SELECT {JobColumns} FROM visitor_jobs WHERE done_at IS NULL AND due_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now) ORDER BY due_at, id LIMIT @limit",
            cancellationToken,
            ("now", dialect.Instant(now)),
            ("limit", limit));

    public async Task<bool> TryClaimAsync(VisitorJobId id, string node, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "UPDATE visitor_jobs SET claimed_by = @node, claimed_until = @lease, attempts = attempts + 1 " +
            "WHERE id = @id AND done_at IS NULL AND (claimed_until IS NULL OR claimed_until <= @now)",
            cancellationToken,
            ("node", node),
            ("lease", dialect.Instant(leaseUntil)),
            ("id", id.Value),
            ("now", dialect.Instant(now))).ConfigureAwait(false) == 1;

    public async Task<bool> CompleteAsync(VisitorJobId id, string node, DateTimeOffset at, string outcome, CancellationToken cancellationToken = default) =>
        await ExecuteAsync(
            "UPDATE visitor_jobs SET done_at = @at, outcome = @outcome, claimed_until = NULL WHERE id = @id AND claimed_by = @node AND done_at IS NULL",
            cancellationToken,
            ("at", dialect.Instant(at)),
            ("outcome", outcome),
            ("id", id.Value),
            ("node", node)).ConfigureAwait(false) == 1;

    private async Task<IReadOnlyList<VisitorJob>> QueryJobsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var result = new List<VisitorJob>();
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command(sql), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var r = new Row(reader, dialect);
            result.Add(new VisitorJob(
                new VisitorJobId(r.Long(0)),
                new OrganizationId(r.Long(1)),
                new VisitId(r.Long(2)),
                new PersonId(r.Long(3)),
                r.Enum<VisitorJobKind>(4),
                r.Instant(5),
                Convert.ToInt32(reader.GetValue(6), CultureInfo.InvariantCulture),
                r.InstantOrNull(7),
                r.StringOrNull(8)));
        }

        return result;
    }
}
