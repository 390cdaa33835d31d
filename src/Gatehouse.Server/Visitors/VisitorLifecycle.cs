using Gatehouse.Engine.Model;
using Gatehouse.Server.Mail;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Visitors;

/// <summary>
/// What happens to a visit after it is registered: check-in and check-out from the desk, kiosk or API (R-VIS-06),
/// the follow-up of every check-out (R-VIS-07/08), credential removal (R-VIS-08), automatic check-out (R-VIS-09) and
/// erasure (R-VIS-10). The timed parts are called by the job runner; each step is safe to repeat.
/// </summary>
public sealed class VisitorLifecycle(
    IGatehouseStore store,
    IVisitorStore visitors,
    IOptions<VisitorOptions> options,
    IOptions<MailOptions> mail,
    TimeProvider time,
    ILogger<VisitorLifecycle> logger)
{
    public async Task<ApiResult<VisitorPass>> CheckInAsync(Visit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var now = time.GetUtcNow();
        var pass = await CurrentPassAsync(visit, cancellationToken);
        if (pass is null)
        {
            return new ApiError.Conflict("This visit is over or was replaced by a later one.");
        }

        if (pass.IsCheckedIn)
        {
            return pass;
        }

        if (pass.CheckedOutAt is not null || now >= visit.Meeting.Until)
        {
            return new ApiError.Conflict("The visit is over: the visitor checked out or the meeting has ended.");
        }

        var checkedIn = pass with { CheckedInAt = now };
        var result = await store.SetVisitorPassAsync(visit.Organization, checkedIn, cancellationToken);
        return result.IsOk ? checkedIn : new ApiError.Conflict(result.Message ?? "The visitor could not be checked in.");
    }

    /// <summary>Checks the visitor out (desk, kiosk, API or the automatic rule) and runs the check-out follow-up.</summary>
    public async Task<ApiResult<VisitorPass>> CheckOutAsync(Visit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var pass = await CurrentPassAsync(visit, cancellationToken);
        if (pass is not { IsCheckedIn: true })
        {
            return new ApiError.Conflict("The visitor is not checked in.");
        }

        var checkedOut = pass with { CheckedOutAt = time.GetUtcNow() };
        var result = await store.SetVisitorPassAsync(visit.Organization, checkedOut, cancellationToken);
        if (!result.IsOk)
        {
            return new ApiError.Conflict(result.Message ?? "The visitor could not be checked out.");
        }

        await store.ClearPresenceAsync(visit.Organization, visit.Person, visit.Site, cancellationToken); // NotFound: was not inside
        await FollowUpCheckOutAsync(visit, cancellationToken);
        return checkedOut;
    }

    /// <summary>
    /// After any check-out, including a scan at a check-out reader that storage applied: physical cards go at once
    /// (R-VIS-07); everything goes when the removal time has already passed (R-VIS-08 "then at check-out", R-VIS-09).
    /// </summary>
    public async Task<int> FollowUpCheckOutAsync(Visit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var now = time.GetUtcNow();
        var removalAt = (await visitors.ListJobsAsync(visit.Organization, visit.Id, cancellationToken))
            .FirstOrDefault(job => job.Kind == VisitorJobKind.RemoveCredentials)?.DueAt ?? visit.Meeting.Until + options.Value.CredentialRemovalDelay;
        var removed = await RemoveCredentialsAsync(visit, physicalOnly: now < removalAt, cancellationToken);
        await visitors.MarkCheckOutHandledAsync(visit.Organization, visit.Id, now, cancellationToken);
        return removed;
    }

    /// <summary>R-VIS-08: the removal job. A visitor still inside keeps their credentials until check-out.</summary>
    public async Task<string> RemoveCredentialsOnScheduleAsync(Visit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var pass = await CurrentPassAsync(visit, cancellationToken);
        if (pass is { IsCheckedIn: true })
        {
            return "deferred: still checked in; removed at check-out";
        }

        var removed = await RemoveCredentialsAsync(visit, physicalOnly: false, cancellationToken);
        return $"removed {removed} credential(s)";
    }

    /// <summary>R-VIS-09: the automatic check-out job.</summary>
    public async Task<string> AutoCheckOutAsync(Visit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var result = await CheckOutAsync(visit, cancellationToken);
        return result.Error is null ? "checked out automatically" : "nothing to do: not checked in";
    }

    /// <summary>
    /// R-VIS-10: deletes the visitor's person (and with it credentials, pass, presence, bookings), their invitation
    /// mail files and the personal columns of their visits, and blanks their events' display text. Refused while a
    /// visit of theirs is still to come: that visit needs the profile.
    /// </summary>
    public async Task<ApiResult<string>> EraseAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var visits = await visitors.ListVisitsAsync(organization, person: person, cancellationToken: cancellationToken);
        if (visits.Count == 0)
        {
            return new ApiError.NotFound("visitor", person.ToString());
        }

        if (visits.FirstOrDefault(v => v.ErasedAt is null && v.Meeting.Until > now) is { } pending)
        {
            return new ApiError.Conflict($"The visitor has a pending visit ({pending.Id}, ending {pending.Meeting.Until:O}); personal data is kept until after it.");
        }

        foreach (var file in visits.Select(v => v.MailFile).OfType<string>())
        {
            DeleteMailFile(file);
        }

        if (await store.GetPersonAsync(organization, person, cancellationToken) is { Kind: PersonKind.Visitor })
        {
            await store.DeletePersonAsync(organization, person, cancellationToken);
        }

        // Events stay, anonymised: their display text ("Welcome, {FirstName}!") is the only personal datum they hold.
        // Done before the visits are marked erased, so a crash in between leaves the job to run again.
        await store.AnonymiseEventsAsync(organization, person, cancellationToken);
        await visitors.ErasePersonalDataAsync(organization, person, now, cancellationToken);
        return "erased";
    }

    /// <summary>The person's pass when it still belongs to this visit (a returning visitor's later visit replaces it).</summary>
    public async Task<VisitorPass?> CurrentPassAsync(Visit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var pass = await store.GetVisitorPassAsync(visit.Organization, visit.Person, cancellationToken);
        return pass is not null && pass.Site == visit.Site && pass.Meeting == visit.Meeting ? pass : null;
    }

    private async Task<int> RemoveCredentialsAsync(Visit visit, bool physicalOnly, CancellationToken cancellationToken)
    {
        // A returning visitor's later visit owns the profile now: only this visit's own QR may go.
        var current = await CurrentPassAsync(visit, cancellationToken) is not null
            || await store.GetVisitorPassAsync(visit.Organization, visit.Person, cancellationToken) is null;
        var removed = 0;
        foreach (var credential in await store.ListCredentialsAsync(visit.Organization, visit.Person, cancellationToken))
        {
            var remove = physicalOnly
                ? current && credential.Has(CredentialFlags.Physical)
                : current || credential.Id == visit.Credential;
            if (remove && (await store.DeleteCredentialAsync(visit.Organization, credential.Id, cancellationToken)).IsOk)
            {
                removed++;
            }
        }

        return removed;
    }

    private void DeleteMailFile(string file)
    {
        if (MailFolder.TryDelete(mail.Value, file))
        {
            logger.LogInformation("Deleted invitation mail {File} at erasure", file);
        }
    }
}
