using System.Data.Common;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// The side effects of one event (R-GYM-21), written in the event's transaction. Conditional effects are single
/// statements whose returned row says whether this scan won (INSERT … ON CONFLICT DO NOTHING, UPDATE … WHERE not
/// yet used): that is what keeps two nodes from both letting one person in (ARCHITECTURE: decided atomically in
/// the database, not in a node's memory). Index changes are queued and run only after commit.
/// </summary>
/// <remarks>
/// On SQLite (<paramref name="deferred"/> given) presence and the card's last grant are read, not written: the change
/// goes to <see cref="DeferredEffects"/>, which writes it in bulk later (the single writer makes the read the truth).
/// </remarks>
internal sealed class SideEffects(SqlDialect db, AccessEvent e, EventAppend append, bool requireAbsent, List<Action<AccessIndex>> changes, DeferredEffects? deferred)
{
    private const int UsedFlag = (int)CredentialFlags.Used;

    private const string ReadPresence = "SELECT zone_id FROM presence WHERE person_id = @person AND site_id = @site";

    // The three effects nearly every granted scan has, each as one statement for a whole batch (BulkShape).
    private static readonly BulkShape AddPresences = new(
        "WITH u AS (SELECT * FROM unnest(@org::bigint[], @person::bigint[], @site::bigint[], @zone::bigint[], @at::timestamptz[]) WITH ORDINALITY AS u(org, person, site, zone, at, n)), "
        + "added AS (INSERT INTO presence (organization_id, person_id, site_id, zone_id, since, marked_by_staff) SELECT org, person, site, zone, at, FALSE FROM u "
        + "ON CONFLICT (person_id, site_id) DO NOTHING RETURNING person_id, site_id) "
        + "SELECT u.person, u.n FROM added JOIN u ON u.person = added.person_id AND u.site = added.site_id");

    private static readonly BulkShape RemovePresences = new(
        "DELETE FROM presence p USING unnest(@person::bigint[], @site::bigint[]) WITH ORDINALITY AS u(person, site, n) WHERE p.person_id = u.person AND p.site_id = u.site RETURNING p.zone_id, u.n");

    // The card's double-scan lock writes no row: the event is its record (see Credential below).
    private static readonly BulkShape ReadCards = new(
        "SELECT c.value, c.flags, u.n FROM unnest(@id::bigint[]) WITH ORDINALITY AS u(id, n) JOIN credentials c ON c.id = u.id");

    /// <summary>The conditional steps (AddPresence, MarkQrUsage, UseZoneProduct), in the order they must run.</summary>
    public List<EffectStep> Conditional(DecisionActions wanted)
    {
        var steps = new List<EffectStep>(1);
        if (Has(wanted, DecisionActions.AddPresence) && e.Person is { } person && e.Site is { } site)
        {
            steps.Add(deferred is null ? AddPresence(person, site) : AddPresenceLater(person, site, deferred));
        }

        if (Has(wanted, DecisionActions.MarkQrUsage) && e.Credential is { } credential)
        {
            steps.Add(Credential(DecisionActions.MarkQrUsage, ReasonCode.CredentialAlreadyUsed,
                $"UPDATE credentials SET flags = flags | {UsedFlag} WHERE id = @id AND (flags & {UsedFlag}) = 0 RETURNING value, flags", credential, lockScan: false));
        }

        if (Has(wanted, DecisionActions.UseZoneProduct) && append.Product is { } product && e.Person is { } owner)
        {
            steps.Add(new EffectStep(
                DecisionActions.UseZoneProduct,
                ReasonCode.NoEntrancesLeft,
                "UPDATE entrance_products SET remaining_entries = remaining_entries - 1 WHERE id = @id AND person_id = @person AND remaining_entries > 0 RETURNING remaining_entries",
                [("id", product.Value), ("person", owner.Value)],
                row =>
                {
                    if (row is null)
                    {
                        return false;
                    }

                    var left = Convert.ToInt32(row.GetValue(0), System.Globalization.CultureInfo.InvariantCulture);
                    changes.Add(index => index.Update(owner, x => x with { Products = [.. x.Products.Select(p => p.Id == product ? p with { RemainingEntries = left } : p)] }));
                    return true;
                }));
        }

        return steps;
    }

    /// <summary>The unconditional steps; one that finds nothing to change is reported as failed, not a lost race.</summary>
    public List<EffectStep> Rest(DecisionActions wanted)
    {
        var steps = new List<EffectStep>(2);
        if (Has(wanted, DecisionActions.RemovePresence) && e.Person is { } person && e.Site is { } site)
        {
            steps.Add(deferred is null ? RemovePresence(person, site) : RemovePresenceLater(person, site, deferred));
        }

        if (Has(wanted, DecisionActions.LockDoubleScan) && e.Credential is { } credential)
        {
            steps.Add(Credential(DecisionActions.LockDoubleScan, null, "SELECT value, flags FROM credentials WHERE id = @id", credential, lockScan: true));
        }

        if (Has(wanted, DecisionActions.CollectCard) && e.Credential is { } card)
        {
            steps.Add(new EffectStep(DecisionActions.CollectCard, null, "DELETE FROM credentials WHERE id = @id RETURNING value", [("id", card.Value)],
                row =>
                {
                    if (row is null || e.Organization is not { } org)
                    {
                        return false;
                    }

                    var value = row.GetString(0);
                    changes.Add(index => index.RemoveCredential(org, value));
                    return true;
                }));
        }

        if (Has(wanted, DecisionActions.MarkFacilityBookingUsage) && append.Booking is { } booking && e.Person is { } booker)
        {
            steps.Add(new EffectStep(DecisionActions.MarkFacilityBookingUsage, null, "UPDATE bookings SET used = TRUE WHERE id = @id AND person_id = @person RETURNING id",
                [("id", booking.Value), ("person", booker.Value)],
                row =>
                {
                    if (row is not null)
                    {
                        changes.Add(index => index.Update(booker, x => x with { Bookings = [.. x.Bookings.Select(b => b.Id == booking ? b with { Used = true } : b)] }));
                    }

                    return row is not null;
                }));
        }

        Visitor(steps, wanted, DecisionActions.VisitorCheckIn, "checked_in_at = @at, checked_out_at = NULL", p => p with { CheckedInAt = e.At, CheckedOutAt = null });
        Visitor(steps, wanted, DecisionActions.VisitorCheckOut, "checked_out_at = @at", p => p with { CheckedOutAt = e.At });
        return steps;
    }

    private void Visitor(List<EffectStep> steps, DecisionActions wanted, DecisionActions action, string set, Func<VisitorPass, VisitorPass> change)
    {
        if (!Has(wanted, action) || e.Person is not { } person)
        {
            return;
        }

        steps.Add(new EffectStep(action, null, $"UPDATE visitor_passes SET {set} WHERE person_id = @person RETURNING person_id", [("person", person.Value), ("at", db.Instant(e.At))],
            row =>
            {
                if (row is not null)
                {
                    changes.Add(index => index.Update(person, x => x.Visitor is null ? x : x with { Visitor = change(x.Visitor) }));
                }

                return row is not null;
            }));
    }

    /// <summary>
    /// A step on the event's card: a conditional write (a single-use QR), or the double-scan lock, which only reads
    /// the card (it still exists; its value and flags for the index). The lock is the event itself, stored in this
    /// transaction with its credential, time and action: SQLite copies it to the card's row later
    /// (<see cref="DeferredEffects"/>); PostgreSQL never does, as an UPDATE per grant was a sixth of the database's work
    /// per scan, and takes it from the events when it loads (<see cref="IndexLoader"/>) or shows a card
    /// (<see cref="SqlStore"/>); other nodes hear of it through the change feed (<see cref="ChangeKind.Grant"/>).
    /// </summary>
    private EffectStep Credential(DecisionActions action, ReasonCode? reason, string sql, CredentialId credential, bool lockScan)
    {
        (string, object?)[] args = [("id", credential.Value)];
        var at = e.At;
        return new EffectStep(action, reason, sql, args, row =>
        {
            if (row is null)
            {
                return false;
            }

            var value = row.GetString(0);
            var flags = (CredentialFlags)row.GetInt32(1);
            if (lockScan)
            {
                deferred?.SetLastGrant(credential.Value, at.ToUnixTimeMilliseconds());
            }

            if (e.Organization is { } org)
            {
                changes.Add(index => index.ApplyGrant(org, value, flags, lockScan ? at : null));
            }

            return true;
        },
        lockScan && deferred is null ? ReadCards : null);
    }

    private EffectStep AddPresence(PersonId person, SiteId site)
    {
        var presence = new Presence(person, site, e.At, false, e.Zone);
        return new EffectStep(
            DecisionActions.AddPresence,
            ReasonCode.AlreadyPresent,
            "INSERT INTO presence (organization_id, person_id, site_id, zone_id, since, marked_by_staff) VALUES (@org, @person, @site, @zone, @at, FALSE) ON CONFLICT (person_id, site_id) DO NOTHING RETURNING person_id",
            [("org", e.Organization?.Value ?? 0), ("person", person.Value), ("site", site.Value), ("zone", e.Zone?.Value), ("at", db.Instant(e.At))],
            row =>
            {
                if (row is not null)
                {
                    changes.Add(index => index.AddPresence(presence));
                }

                // Already present where absence is not required (a second door of the site): satisfied, no change.
                return row is not null || !requireAbsent;
            },
            AddPresences);
    }

    /// <summary>SQLite: the row is read; whether the person is in is decided here and the new row written later.</summary>
    private EffectStep AddPresenceLater(PersonId person, SiteId site, DeferredEffects later)
    {
        var presence = new Presence(person, site, e.At, false, e.Zone);
        return new EffectStep(DecisionActions.AddPresence, ReasonCode.AlreadyPresent, ReadPresence, [("person", person.Value), ("site", site.Value)], row =>
        {
            if (Present(person, site, row, later, out _))
            {
                return !requireAbsent;
            }

            later.SetPresence(person.Value, site.Value, new PresenceRow(e.Organization?.Value ?? 0, e.Zone?.Value, e.At.ToUnixTimeMilliseconds()));
            changes.Add(index => index.AddPresence(presence));
            return true;
        });
    }

    private EffectStep RemovePresence(PersonId person, SiteId site) =>
        new(DecisionActions.RemovePresence, null, "DELETE FROM presence WHERE person_id = @person AND site_id = @site RETURNING zone_id", [("person", person.Value), ("site", site.Value)], row =>
        {
            if (row is null)
            {
                return false;
            }

            var zone = row.IsDBNull(0) ? (ZoneId?)null : new ZoneId(row.GetInt64(0));
            changes.Add(index => index.RemovePresence(person, site, zone));
            return true;
        },
        RemovePresences);

    private EffectStep RemovePresenceLater(PersonId person, SiteId site, DeferredEffects later) =>
        new(DecisionActions.RemovePresence, null, ReadPresence, [("person", person.Value), ("site", site.Value)], row =>
        {
            if (!Present(person, site, row, later, out var zone))
            {
                return false;
            }

            later.SetPresence(person.Value, site.Value, null);
            changes.Add(index => index.RemovePresence(person, site, zone));
            return true;
        });

    /// <summary>Whether the person is at the site now: the deferred changes first, else the table's row.</summary>
    private static bool Present(PersonId person, SiteId site, DbDataReader? row, DeferredEffects later, out ZoneId? zone)
    {
        if (later.TryGetPresence(person.Value, site.Value, out var known))
        {
            zone = known?.Zone is { } z ? new ZoneId(z) : null;
            return known is not null;
        }

        zone = row is null || row.IsDBNull(0) ? null : new ZoneId(row.GetInt64(0));
        return row is not null;
    }

    private static bool Has(DecisionActions wanted, DecisionActions action) => (wanted & action) == action;
}
