using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Credentials;
using Gatehouse.Server.Mail;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;
using Gatehouse.Storage.Visitors;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Visitors;

/// <summary>
/// Pre-registration (R-VIS-01…05): the visitor's profile with a token number, their pass at the category's level
/// (and the site's pre-check-in level), the invitation QR (inactive until check-in when the site says so), the
/// timed jobs of the visit, and the invitation mail.
/// </summary>
public sealed class VisitorRegistration(
    IGatehouseStore store,
    IVisitorStore visitors,
    IMailTransport mail,
    IOptions<MailOptions> mailOptions,
    IOptions<VisitorOptions> options,
    TimeProvider time,
    ILogger<VisitorRegistration> logger)
{
    public const int MaxTextLength = 200;
    public static readonly TimeSpan MaxMeetingLength = TimeSpan.FromDays(31);

    public async Task<ApiResult<Visit>> PreRegisterAsync(OrganizationId organization, PreRegistration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        if (Validate(request, now) is { } invalid)
        {
            return invalid;
        }

        var site = await store.GetSiteAsync(organization, new SiteId(request.SiteId), cancellationToken);
        var org = store.Index.FindOrganization(organization);
        if (site is null || org is null)
        {
            return new ApiError.NotFound("site", request.SiteId.ToString(CultureInfo.InvariantCulture));
        }

        var settings = options.Value;
        var levels = await store.ListLevelsAsync(organization, cancellationToken);
        var target = settings.Categories.TryGetValue(request.Category.Trim(), out var mapped) ? mapped : request.Category.Trim();
        if (FindLevel(levels, target) is not { } level)
        {
            return ApiError.Field("category", $"The category '{request.Category}' maps to no access level (configure Gatehouse:Visitors:Categories).");
        }

        var siteOptions = SiteOptions(settings, site);
        AccessLevel? preCheckIn = null;
        if (siteOptions?.PreCheckInLevel is { Length: > 0 } preName && (preCheckIn = FindLevel(levels, preName)) is null)
        {
            return new ApiError.Conflict($"The site's pre-check-in level '{preName}' does not exist.");
        }

        // Whole seconds: the pass and the visit row must compare equal after a round trip through either database.
        var meeting = new TimeWindow(Seconds(request.MeetingFrom), Seconds(request.MeetingUntil));
        var person = await ProfileAsync(organization, request, cancellationToken);
        if (person.Error is { } profileError)
        {
            return profileError;
        }

        var flags = siteOptions?.QrInactiveUntilCheckIn == true ? CredentialFlags.InactiveUntilCheckIn : CredentialFlags.None;
        var credential = await IssueTokenAsync(organization, person.Value!.Id, flags, cancellationToken);
        if (credential.Error is { } credentialError)
        {
            return credentialError;
        }

        var pass = new VisitorPass(person.Value.Id, site.Id, request.Category.Trim(), meeting, level.Id, preCheckIn?.Id);
        var passResult = await store.SetVisitorPassAsync(organization, pass, cancellationToken);
        if (!passResult.IsOk)
        {
            return new ApiError.Conflict(passResult.Message ?? "The visitor pass could not be stored.");
        }

        var schedule = VisitSchedule.For(meeting, site.TimeZone, settings);
        var visit = await visitors.AddVisitAsync(
            new Visit(default, organization, person.Value.Id, site.Id, pass.Category, meeting, schedule.VisitDate, Blank(request.Host), Blank(request.ExternalId),
                credential.Value!.Value, credential.Value.Id, Seconds(now)),
            cancellationToken);
        await ScheduleAsync(visit, schedule, cancellationToken);

        var email = Blank(request.Email);
        return email is not null && request.SendInvitation ? await SendInvitationAsync(org, person.Value, site, visit, email, cancellationToken) : visit;
    }

    /// <summary>Sends the invitation again (R-VIS-02), e.g. when the visitor lost it; the previous .eml file is replaced.</summary>
    public async Task<ApiResult<Visit>> ResendInvitationAsync(Visit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var person = visit.ErasedAt is null ? await store.GetPersonAsync(visit.Organization, visit.Person, cancellationToken) : null;
        var site = await store.GetSiteAsync(visit.Organization, visit.Site, cancellationToken);
        var org = store.Index.FindOrganization(visit.Organization);
        if (person is null || site is null || org is null)
        {
            return new ApiError.Conflict("The visitor's personal data was erased.");
        }

        if (person.Email is not { Length: > 0 } email)
        {
            return new ApiError.Conflict("The visitor has no email address.");
        }

        if (visit.Credential is not { } credential || await store.GetCredentialAsync(visit.Organization, credential, cancellationToken) is null)
        {
            return new ApiError.Conflict("The invitation's QR code was already removed: the visit is over.");
        }

        if (visit.MailFile is { } previous)
        {
            MailFolder.TryDelete(mailOptions.Value, previous);
        }

        return await SendInvitationAsync(org, person, site, visit, email, cancellationToken);
    }

    private async Task<Visit> SendInvitationAsync(Organization org, Person person, Site site, Visit visit, string email, CancellationToken cancellationToken)
    {
        var png = QrImage.Png(VisitorQr.Text(org, visit)!);
        var file = await mail.SendAsync(Invitation.Compose(email, person, site, visit, png, options.Value.InvitationSubject), cancellationToken);
        await visitors.SetMailFileAsync(visit.Organization, visit.Id, file, cancellationToken);
        logger.LogInformation("Invitation for visit {Visit} sent{File}", visit.Id, file is null ? string.Empty : " to " + file);
        return visit with { MailFile = file };
    }

    private async Task ScheduleAsync(Visit visit, VisitSchedule schedule, CancellationToken cancellationToken)
    {
        await visitors.ScheduleAsync(new VisitorJob(default, visit.Organization, visit.Id, visit.Person, VisitorJobKind.RemoveCredentials, schedule.CredentialRemovalAt), cancellationToken);
        if (schedule.AutoCheckOutAt is { } autoCheckOut)
        {
            await visitors.ScheduleAsync(new VisitorJob(default, visit.Organization, visit.Id, visit.Person, VisitorJobKind.AutoCheckOut, autoCheckOut), cancellationToken);
        }

        await visitors.ScheduleAsync(new VisitorJob(default, visit.Organization, visit.Id, visit.Person, VisitorJobKind.Erase, schedule.ErasureAt), cancellationToken);
    }

    /// <summary>A known external visitor id keeps one profile per visitor; otherwise a new profile.</summary>
    private async Task<ApiResult<Person>> ProfileAsync(OrganizationId organization, PreRegistration request, CancellationToken cancellationToken)
    {
        var email = Blank(request.Email);
        if (Blank(request.ExternalId) is { } externalId
            && await visitors.FindVisitorByExternalIdAsync(organization, externalId, cancellationToken) is { } known
            && await store.GetPersonAsync(organization, known, cancellationToken) is { Kind: PersonKind.Visitor } existing)
        {
            var updated = existing with { FirstName = request.FirstName.Trim(), LastName = request.LastName.Trim(), Email = email ?? existing.Email, Active = true };
            var update = await store.UpdatePersonAsync(updated, cancellationToken);
            return update.IsOk ? updated : new ApiError.Conflict(update.Message ?? "The visitor profile could not be updated.");
        }

        var added = await store.AddPersonAsync(new Person(default, organization, PersonKind.Visitor, request.FirstName.Trim(), request.LastName.Trim(), Email: email), cancellationToken);
        return added.IsOk ? added.Value! : new ApiError.Conflict(added.Message ?? "The visitor profile could not be created.");
    }

    private async Task<ApiResult<Credential>> IssueTokenAsync(OrganizationId organization, PersonId person, CredentialFlags flags, CancellationToken cancellationToken)
    {
        // Nine random digits; a collision with an existing value is a Conflict, so draw again.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var token = "V-" + RandomNumberGenerator.GetInt32(100_000_000, 1_000_000_000).ToString(CultureInfo.InvariantCulture);
            var issued = await store.IssueCredentialAsync(organization, new Credential(default, person, CredentialKind.StaticQr, token, flags), cancellationToken);
            if (issued.IsOk)
            {
                return issued.Value!;
            }

            if (issued.Error != StoreError.Conflict)
            {
                return new ApiError.Conflict(issued.Message ?? "The token could not be issued.");
            }
        }

        return new ApiError.Conflict("No free token number was found; try again.");
    }

    private static ApiError.Invalid? Validate(PreRegistration request, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.FirstName) || request.FirstName.Length > MaxTextLength)
        {
            return ApiError.Field("firstName", $"A first name of 1 to {MaxTextLength} characters is required.");
        }

        if (string.IsNullOrWhiteSpace(request.LastName) || request.LastName.Length > MaxTextLength)
        {
            return ApiError.Field("lastName", $"A last name of 1 to {MaxTextLength} characters is required.");
        }

        if (string.IsNullOrWhiteSpace(request.Category) || request.Category.Length > MaxTextLength)
        {
            return ApiError.Field("category", "A visitor category is required.");
        }

        if (request.MeetingUntil <= request.MeetingFrom || request.MeetingUntil - request.MeetingFrom > MaxMeetingLength)
        {
            return ApiError.Field("meetingUntil", $"The meeting must end after it starts and last at most {MaxMeetingLength.TotalDays} days.");
        }

        if (request.MeetingUntil <= now)
        {
            return ApiError.Field("meetingUntil", "The meeting has already ended.");
        }

        if (Blank(request.Email) is { } email && (email.Length > MaxTextLength || !MailAddress.TryCreate(email, out _)))
        {
            return ApiError.Field("email", "The email address is not valid.");
        }

        if (request.Host is { Length: > MaxTextLength } || request.ExternalId is { Length: > MaxTextLength })
        {
            return ApiError.Field("host", $"Host and external id have at most {MaxTextLength} characters.");
        }

        return null;
    }

    private static VisitorSiteOptions? SiteOptions(VisitorOptions settings, Site site) =>
        settings.Sites.TryGetValue(site.Id.ToString(), out var byId) ? byId
        : settings.Sites.TryGetValue(site.Name, out var byName) ? byName
        : null;

    private static AccessLevel? FindLevel(IReadOnlyList<AccessLevel> levels, string nameOrId) =>
        levels.FirstOrDefault(l => string.Equals(l.Name, nameOrId, StringComparison.OrdinalIgnoreCase))
        ?? (long.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? levels.FirstOrDefault(l => l.Id.Value == id) : null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset Seconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
}
