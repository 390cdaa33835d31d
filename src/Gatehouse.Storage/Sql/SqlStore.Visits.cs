using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>Bookings, questionnaires, presence, visitor passes and employment terms.</summary>
internal sealed partial class SqlStore
{
    public async Task<StoreResult<Booking>> AddBookingAsync(OrganizationId organization, Booking booking, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, booking.Person, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {booking.Person} not found.");
        }

        if (!await ExistsAsync("sites", booking.Site.Value, organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Site {booking.Site} not found.");
        }

        var id = await InsertAsync(
            "INSERT INTO bookings (organization_id, person_id, kind, name, site_id, slot_from, slot_until, teacher, spot, zone_types, used, cancelled) VALUES (@org, @person, @kind, @name, @site, @from, @until, @teacher, @spot, @types, @used, @cancelled) RETURNING id",
            cancellationToken, [.. BookingArgs(booking), ("org", organization.Value), ("person", booking.Person.Value)]).ConfigureAwait(false);
        var stored = booking with { Id = new BookingId(id!.Value) };
        Index.Update(stored.Person, e => e with { Bookings = [.. e.Bookings, stored] });
        return stored;
    }

    public Task<Booking?> GetBookingAsync(OrganizationId organization, BookingId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Booking} FROM bookings WHERE id = @id AND organization_id = @org", Rows.ToBooking, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<Booking>> ListBookingsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Booking} FROM bookings WHERE person_id = @person AND organization_id = @org ORDER BY slot_from, id", Rows.ToBooking, cancellationToken, ("person", person.Value), ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> UpdateBookingAsync(OrganizationId organization, Booking booking, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync(
            "UPDATE bookings SET kind = @kind, name = @name, site_id = @site, slot_from = @from, slot_until = @until, teacher = @teacher, spot = @spot, zone_types = @types, used = @used, cancelled = @cancelled WHERE id = @id AND organization_id = @org AND person_id = @person",
            cancellationToken, [.. BookingArgs(booking), ("id", booking.Id.Value), ("org", organization.Value), ("person", booking.Person.Value)]).ConfigureAwait(false);
        return Apply(Found(rows, "Booking"), () => Index.Update(booking.Person, e => e with { Bookings = Replace(e.Bookings, b => b.Id == booking.Id, booking) }));
    }

    public Task<StoreResult> DeleteBookingAsync(OrganizationId organization, BookingId id, CancellationToken cancellationToken = default) =>
        DeleteOwnedAsync("bookings", id.Value, organization, e => e with { Bookings = Without(e.Bookings, b => b.Id == id) }, "Booking", cancellationToken);

    public async Task<StoreResult<QuestionnaireResult>> AddQuestionnaireAsync(OrganizationId organization, QuestionnaireResult result, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, result.Person, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {result.Person} not found.");
        }

        var id = await InsertAsync("INSERT INTO questionnaires (organization_id, person_id, day, passed) VALUES (@org, @person, @day, @passed) RETURNING id", cancellationToken,
            ("org", organization.Value), ("person", result.Person.Value), ("day", result.Day), ("passed", result.Passed)).ConfigureAwait(false);
        var stored = result with { Id = new QuestionnaireId(id!.Value) };
        Index.Update(stored.Person, e => e with { Questionnaires = [.. e.Questionnaires, stored] });
        return stored;
    }

    public async Task<IReadOnlyList<QuestionnaireResult>> ListQuestionnairesAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Questionnaire} FROM questionnaires WHERE person_id = @person AND organization_id = @org ORDER BY day, id", Rows.ToQuestionnaire, cancellationToken, ("person", person.Value), ("org", organization.Value)).ConfigureAwait(false);

    public Task<StoreResult> DeleteQuestionnaireAsync(OrganizationId organization, QuestionnaireId id, CancellationToken cancellationToken = default) =>
        DeleteOwnedAsync("questionnaires", id.Value, organization, e => e with { Questionnaires = Without(e.Questionnaires, q => q.Id == id) }, "Questionnaire", cancellationToken);

    public async Task<StoreResult> MarkPresentAsync(OrganizationId organization, Presence presence, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, presence.Person, cancellationToken).ConfigureAwait(false) || !await ExistsAsync("sites", presence.Site.Value, organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {presence.Person} or site {presence.Site} not found.");
        }

        await _writer.SettleAsync().ConfigureAwait(false);
        var rows = await ExecuteAsync(
            "INSERT INTO presence (organization_id, person_id, site_id, zone_id, since, marked_by_staff) VALUES (@org, @person, @site, @zone, @since, @staff) ON CONFLICT (person_id, site_id) DO NOTHING",
            cancellationToken, ("org", organization.Value), ("person", presence.Person.Value), ("site", presence.Site.Value), ("zone", presence.Zone?.Value),
            ("since", _db.Instant(presence.Since)), ("staff", presence.MarkedByStaff)).ConfigureAwait(false);
        if (rows == 0)
        {
            return StoreResult.Conflict($"Person {presence.Person} is already present at site {presence.Site}.");
        }

        Index.AddPresence(presence);
        return StoreResult.Ok;
    }

    public async Task<StoreResult> ClearPresenceAsync(OrganizationId organization, PersonId person, SiteId site, CancellationToken cancellationToken = default)
    {
        await _writer.SettleAsync().ConfigureAwait(false);
        var zones = await QueryAsync("DELETE FROM presence WHERE person_id = @person AND site_id = @site AND organization_id = @org RETURNING zone_id", r => r.LongOrNull(0), cancellationToken,
            ("person", person.Value), ("site", site.Value), ("org", organization.Value)).ConfigureAwait(false);
        if (zones.Count == 0)
        {
            return StoreResult.NotFound($"Person {person} is not present at site {site}.");
        }

        Index.RemovePresence(person, site, zones[0] is { } zone ? new ZoneId(zone) : null);
        return StoreResult.Ok;
    }

    public async Task<IReadOnlyList<Presence>> ListPresenceAsync(OrganizationId organization, SiteId? site = null, CancellationToken cancellationToken = default)
    {
        await _writer.SettleAsync().ConfigureAwait(false);
        return site is { } s
            ? await QueryAsync($"SELECT {Rows.Presence} FROM presence WHERE organization_id = @org AND site_id = @site ORDER BY since", Rows.ToPresence, cancellationToken, ("org", organization.Value), ("site", s.Value)).ConfigureAwait(false)
            : await QueryAsync($"SELECT {Rows.Presence} FROM presence WHERE organization_id = @org ORDER BY since", Rows.ToPresence, cancellationToken, ("org", organization.Value)).ConfigureAwait(false);
    }

    public async Task<StoreResult> SetVisitorPassAsync(OrganizationId organization, VisitorPass pass, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, pass.Person, cancellationToken).ConfigureAwait(false) || !await ExistsAsync("sites", pass.Site.Value, organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {pass.Person} or site {pass.Site} not found.");
        }

        await ExecuteAsync(
            """
            INSERT INTO visitor_passes (person_id, organization_id, site_id, category, meeting_from, meeting_until, level_id, pre_check_in_level_id, checked_in_at, checked_out_at)
            VALUES (@person, @org, @site, @category, @from, @until, @level, @pre, @in, @out)
            ON CONFLICT (person_id) DO UPDATE SET site_id = excluded.site_id, category = excluded.category, meeting_from = excluded.meeting_from, meeting_until = excluded.meeting_until,
                level_id = excluded.level_id, pre_check_in_level_id = excluded.pre_check_in_level_id, checked_in_at = excluded.checked_in_at, checked_out_at = excluded.checked_out_at
            """,
            cancellationToken, ("person", pass.Person.Value), ("org", organization.Value), ("site", pass.Site.Value), ("category", pass.Category),
            ("from", _db.Instant(pass.Meeting.From)), ("until", _db.Instant(pass.Meeting.Until)), ("level", pass.Level.Value), ("pre", pass.PreCheckInLevel?.Value),
            ("in", _db.Instant(pass.CheckedInAt)), ("out", _db.Instant(pass.CheckedOutAt))).ConfigureAwait(false);
        Index.Update(pass.Person, e => e with { Visitor = pass });
        return StoreResult.Ok;
    }

    public Task<VisitorPass?> GetVisitorPassAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Visitor} FROM visitor_passes WHERE person_id = @person AND organization_id = @org", Rows.ToVisitor, cancellationToken, ("person", person.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<VisitorPass>> ListVisitorPassesAsync(OrganizationId organization, SiteId? site = null, CancellationToken cancellationToken = default) =>
        site is { } s
            ? await QueryAsync($"SELECT {Rows.Visitor} FROM visitor_passes WHERE organization_id = @org AND site_id = @site ORDER BY meeting_from", Rows.ToVisitor, cancellationToken, ("org", organization.Value), ("site", s.Value)).ConfigureAwait(false)
            : await QueryAsync($"SELECT {Rows.Visitor} FROM visitor_passes WHERE organization_id = @org ORDER BY meeting_from", Rows.ToVisitor, cancellationToken, ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> DeleteVisitorPassAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync("DELETE FROM visitor_passes WHERE person_id = @person AND organization_id = @org", cancellationToken, ("person", person.Value), ("org", organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Visitor pass"), () => Index.Update(person, e => e with { Visitor = null }));
    }

    public async Task<StoreResult> SetEmploymentAsync(OrganizationId organization, PersonId person, EmploymentTerms? terms, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, person, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {person} not found.");
        }

        if (terms is null)
        {
            await ExecuteAsync("DELETE FROM employment_terms WHERE person_id = @person", cancellationToken, ("person", person.Value)).ConfigureAwait(false);
        }
        else
        {
            await ExecuteAsync(
                """
                INSERT INTO employment_terms (person_id, organization_id, company_id, level_id, working_hours, conditional_access) VALUES (@person, @org, @company, @level, @hours, @conditional)
                ON CONFLICT (person_id) DO UPDATE SET company_id = excluded.company_id, level_id = excluded.level_id, working_hours = excluded.working_hours, conditional_access = excluded.conditional_access
                """,
                cancellationToken, ("person", person.Value), ("org", organization.Value), ("company", terms.Company?.Value), ("level", terms.Level?.Value),
                ("hours", StoreJson.WriteRules(terms.WorkingHours)), ("conditional", terms.ConditionalAccess)).ConfigureAwait(false);
        }

        Index.Update(person, e => e with { Employment = terms });
        return StoreResult.Ok;
    }

    public Task<EmploymentTerms?> GetEmploymentAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Employment} FROM employment_terms WHERE person_id = @person AND organization_id = @org", Rows.ToEmployment, cancellationToken, ("person", person.Value), ("org", organization.Value));

    private (string, object?)[] BookingArgs(Booking b) =>
    [
        ("kind", b.Kind.ToString()), ("name", b.Name), ("site", b.Site.Value), ("from", _db.Instant(b.Slot.From)), ("until", _db.Instant(b.Slot.Until)),
        ("teacher", b.Teacher), ("spot", b.Spot), ("types", b.ZoneTypes is null ? null : StoreJson.Write(b.ZoneTypes)), ("used", b.Used), ("cancelled", b.Cancelled),
    ];
}
