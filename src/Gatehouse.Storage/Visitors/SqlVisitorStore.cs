using System.Data.Common;
using System.Globalization;
using Gatehouse.Engine.Model;
using Gatehouse.Storage.Sql;

namespace Gatehouse.Storage.Visitors;

/// <summary>
/// <see cref="IVisitorStore"/> on SQLite and PostgreSQL: the SQL text is shared, the dialect supplies connections,
/// instant encoding and unique-violation detection (as in the main store).
/// </summary>
internal sealed partial class SqlVisitorStore(SqlDialect dialect) : IVisitorStore
{
    private const string VisitColumns =
        "id, organization_id, person_id, site_id, category, meeting_from, meeting_until, visit_date, host, external_id, token_number, credential_id, created_at, mail_file, check_out_handled_at, erased_at";

    public async Task<Visit> AddVisitAsync(Visit visit, CancellationToken cancellationToken = default)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(
            "INSERT INTO visits (organization_id, person_id, site_id, category, meeting_from, meeting_until, visit_date, host, external_id, token_number, credential_id, created_at, mail_file) " +
            "VALUES (@org, @person, @site, @category, @from, @until, @date, @host, @external, @token, @credential, @created, @mail) RETURNING id")
            .With("org", visit.Organization.Value).With("person", visit.Person.Value).With("site", visit.Site.Value)
            .With("category", visit.Category).With("from", dialect.Instant(visit.Meeting.From)).With("until", dialect.Instant(visit.Meeting.Until))
            .With("date", visit.VisitDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).With("host", visit.Host).With("external", visit.ExternalId)
            .With("token", visit.TokenNumber).With("credential", visit.Credential?.Value).With("created", dialect.Instant(visit.CreatedAt)).With("mail", visit.MailFile);
        var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return visit with { Id = new VisitId(id) };
    }

    public async Task<Visit?> GetVisitAsync(OrganizationId organization, VisitId id, CancellationToken cancellationToken = default)
    {
        var visits = await QueryVisitsAsync($"SELECT {VisitColumns} FROM visits WHERE organization_id = @org AND id = @id", cancellationToken, ("org", organization.Value), ("id", id.Value)).ConfigureAwait(false);
        return visits.Count == 0 ? null : visits[0];
    }

    public Task<IReadOnlyList<Visit>> ListVisitsAsync(OrganizationId organization, SiteId? site = null, PersonId? person = null, CancellationToken cancellationToken = default)
    {
        // Filters are spliced in rather than "@p IS NULL OR …": PostgreSQL cannot type a parameter that is only ever NULL.
        var sql = $"SELECT {VisitColumns} FROM visits WHERE organization_id = @org"
            + (site is null ? "" : " AND site_id = @site")
            + (person is null ? "" : " AND person_id = @person")
            + " ORDER BY id DESC";
        return QueryVisitsAsync(sql, cancellationToken, ("org", organization.Value), ("site", site?.Value), ("person", person?.Value));
    }

    public async Task<PersonId?> FindVisitorByExternalIdAsync(OrganizationId organization, string externalId, CancellationToken cancellationToken = default)
    {
        var visits = await QueryVisitsAsync(
            $"SELECT {VisitColumns} FROM visits WHERE organization_id = @org AND external_id = @external AND erased_at IS NULL ORDER BY id DESC LIMIT 1",
            cancellationToken,
            ("org", organization.Value),
            ("external", externalId)).ConfigureAwait(false);
        return visits.Count == 0 ? null : visits[0].Person;
    }

    public Task SetMailFileAsync(OrganizationId organization, VisitId id, string? mailFile, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE visits SET mail_file = @mail WHERE organization_id = @org AND id = @id", cancellationToken, ("mail", mailFile), ("org", organization.Value), ("id", id.Value));

    public Task<IReadOnlyList<Visit>> ListOpenVisitsAsync(CancellationToken cancellationToken = default) =>
        QueryVisitsAsync($"SELECT {VisitColumns} FROM visits WHERE check_out_handled_at IS NULL AND erased_at IS NULL ORDER BY id", cancellationToken);

    public Task MarkCheckOutHandledAsync(OrganizationId organization, VisitId id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync("UPDATE visits SET check_out_handled_at = @at WHERE organization_id = @org AND id = @id", cancellationToken, ("at", dialect.Instant(at)), ("org", organization.Value), ("id", id.Value));

    public Task ErasePersonalDataAsync(OrganizationId organization, PersonId person, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ExecuteAsync(
            "UPDATE visits SET host = NULL, external_id = NULL, token_number = NULL, mail_file = NULL, erased_at = @at WHERE organization_id = @org AND person_id = @person",
            cancellationToken, ("at", dialect.Instant(at)), ("org", organization.Value), ("person", person.Value));

    public ValueTask DisposeAsync() => dialect.DisposeAsync();

    private async Task<IReadOnlyList<Visit>> QueryVisitsAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var result = new List<Visit>();
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command(sql), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var r = new Row(reader, dialect);
            result.Add(new Visit(
                new VisitId(r.Long(0)),
                new OrganizationId(r.Long(1)),
                new PersonId(r.Long(2)),
                new SiteId(r.Long(3)),
                r.String(4),
                new TimeWindow(r.Instant(5), r.Instant(6)),
                DateOnly.ParseExact(r.String(7), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                r.StringOrNull(8),
                r.StringOrNull(9),
                r.StringOrNull(10),
                r.LongOrNull(11) is { } credential ? new CredentialId(credential) : null,
                r.Instant(12),
                r.StringOrNull(13),
                r.InstantOrNull(14),
                r.InstantOrNull(15)));
        }

        return result;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Bind(connection.Command(sql), parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Bind(DbCommand command, (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            // Optional filters leave their parameter out of the text; an unreferenced untyped NULL upsets PostgreSQL.
            if (command.CommandText.Contains("@" + name, StringComparison.Ordinal))
            {
                command.With(name, value);
            }
        }

        return command;
    }
}
