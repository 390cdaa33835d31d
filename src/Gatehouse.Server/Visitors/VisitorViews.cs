using Gatehouse.Engine.Model;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;

namespace Gatehouse.Server.Visitors;

/// <summary>Assembles a visit's view from its row, the visitor's profile, pass and credentials, and its jobs.</summary>
public sealed class VisitorViews(IGatehouseStore store, IVisitorStore visitors)
{
    public async Task<VisitorDto> ToDtoAsync(Visit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var person = visit.ErasedAt is null ? await store.GetPersonAsync(visit.Organization, visit.Person, cancellationToken) : null;
        var pass = person is null ? null : await store.GetVisitorPassAsync(visit.Organization, visit.Person, cancellationToken);
        var sameVisit = pass is not null && pass.Meeting == visit.Meeting && pass.Site == visit.Site;
        var credentials = person is null ? [] : await store.ListCredentialsAsync(visit.Organization, visit.Person, cancellationToken);
        var jobs = await visitors.ListJobsAsync(visit.Organization, visit.Id, cancellationToken);
        var qrAlive = credentials.Any(c => c.Id == visit.Credential);
        var organization = store.Index.FindOrganization(visit.Organization);
        return new VisitorDto(
            visit.Id.Value,
            visit.Person.Value,
            person?.FirstName,
            person?.LastName,
            person?.Email,
            visit.ExternalId,
            visit.Host,
            visit.Site.Value,
            visit.Category,
            visit.Meeting.From,
            visit.Meeting.Until,
            visit.VisitDate,
            visit.TokenNumber,
            qrAlive && organization is not null ? VisitorQr.Text(organization, visit) : null,
            $"/api/v1/visitors/{visit.Id}/invitation.png",
            visit.MailFile,
            sameVisit ? pass!.CheckedInAt : null,
            sameVisit ? pass!.CheckedOutAt : null,
            visit.ErasedAt,
            credentials.Select(c => new VisitorCardDto(c.Id.Value, c.Kind.ToString(), c.Value, c.Has(CredentialFlags.Physical), c.Has(CredentialFlags.InactiveUntilCheckIn))).ToArray(),
            jobs.Select(j => new VisitorJobDto(j.Kind.ToString(), j.DueAt, j.DoneAt, j.Outcome, j.Attempts)).ToArray());
    }
}
