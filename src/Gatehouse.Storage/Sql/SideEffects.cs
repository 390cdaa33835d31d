using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// The side effects of one event (R-GYM-21), written in the event's transaction. Conditional effects are single
/// statements whose row count says whether this scan won (INSERT … ON CONFLICT DO NOTHING, UPDATE … WHERE not yet
/// used): that is what keeps two nodes from both letting one person in (ARCHITECTURE: decided atomically in the
/// database, not in a node's memory). Index changes are queued and run only after commit.
/// </summary>
internal sealed class SideEffects(PreparedCommands commands, SqlDialect db, AccessEvent e, EventAppend append, bool requireAbsent)
{
    private const int UsedFlag = (int)CredentialFlags.Used;

    public async Task<LostRace?> ApplyConditionalAsync(DecisionActions wanted, List<Action<AccessIndex>> changes)
    {
        if (Has(wanted, DecisionActions.AddPresence) && e.Person is { } person && e.Site is { } site)
        {
            var presence = new Presence(person, site, e.At, false, e.Zone);
            var rows = await ExecuteAsync(
                "INSERT INTO presence (organization_id, person_id, site_id, zone_id, since, marked_by_staff) VALUES (@org, @person, @site, @zone, @at, FALSE) ON CONFLICT (person_id, site_id) DO NOTHING",
                ("org", e.Organization?.Value ?? 0), ("person", person.Value), ("site", site.Value), ("zone", e.Zone?.Value), ("at", db.Instant(e.At))).ConfigureAwait(false);
            if (rows == 0 && requireAbsent)
            {
                return new LostRace(DecisionActions.AddPresence, ReasonCode.AlreadyPresent);
            }

            // Already present where absence is not required (a second door of the site): satisfied, nothing changes.
            if (rows > 0)
            {
                changes.Add(index => index.AddPresence(presence));
            }
        }

        if (Has(wanted, DecisionActions.MarkQrUsage) && e.Credential is { } credential)
        {
            var updated = await UpdateCredentialAsync($"UPDATE credentials SET flags = flags | {UsedFlag} WHERE id = @id AND (flags & {UsedFlag}) = 0 RETURNING value, flags", credential, changes).ConfigureAwait(false);
            if (!updated)
            {
                return new LostRace(DecisionActions.MarkQrUsage, ReasonCode.CredentialAlreadyUsed);
            }
        }

        if (Has(wanted, DecisionActions.UseZoneProduct) && append.Product is { } product && e.Person is { } owner)
        {
            var remaining = await ScalarAsync(
                "UPDATE entrance_products SET remaining_entries = remaining_entries - 1 WHERE id = @id AND person_id = @person AND remaining_entries > 0 RETURNING remaining_entries",
                ("id", product.Value), ("person", owner.Value)).ConfigureAwait(false);
            if (remaining is null)
            {
                return new LostRace(DecisionActions.UseZoneProduct, ReasonCode.NoEntrancesLeft);
            }

            var left = Convert.ToInt32(remaining, System.Globalization.CultureInfo.InvariantCulture);
            changes.Add(index => index.Update(owner, x => x with { Products = [.. x.Products.Select(p => p.Id == product ? p with { RemainingEntries = left } : p)] }));
        }

        return null;
    }

    /// <summary>The unconditional effects; returns those that found nothing to change.</summary>
    public async Task<DecisionActions> ApplyRestAsync(DecisionActions wanted, List<Action<AccessIndex>> changes)
    {
        var failed = DecisionActions.None;
        if (Has(wanted, DecisionActions.RemovePresence) && e.Person is { } person && e.Site is { } site)
        {
            var zone = await QueryZoneAsync(person, site).ConfigureAwait(false);
            if (zone is null)
            {
                failed |= DecisionActions.RemovePresence;
            }
            else
            {
                var zoneId = zone.Value == 0 ? (ZoneId?)null : new ZoneId(zone.Value);
                changes.Add(index => index.RemovePresence(person, site, zoneId));
            }
        }

        if (Has(wanted, DecisionActions.LockDoubleScan) && e.Credential is { } credential
            && !await UpdateCredentialAsync("UPDATE credentials SET last_granted_at = @at WHERE id = @id RETURNING value, flags", credential, changes).ConfigureAwait(false))
        {
            failed |= DecisionActions.LockDoubleScan;
        }

        if (Has(wanted, DecisionActions.CollectCard) && e.Credential is { } card)
        {
            var value = await ScalarAsync("DELETE FROM credentials WHERE id = @id RETURNING value", ("id", card.Value)).ConfigureAwait(false) as string;
            if (value is null || e.Organization is not { } org)
            {
                failed |= DecisionActions.CollectCard;
            }
            else
            {
                changes.Add(index => index.RemoveCredential(org, value));
            }
        }

        if (Has(wanted, DecisionActions.MarkFacilityBookingUsage) && append.Booking is { } booking && e.Person is { } booker)
        {
            var rows = await ExecuteAsync("UPDATE bookings SET used = TRUE WHERE id = @id AND person_id = @person", ("id", booking.Value), ("person", booker.Value)).ConfigureAwait(false);
            if (rows == 0)
            {
                failed |= DecisionActions.MarkFacilityBookingUsage;
            }
            else
            {
                changes.Add(index => index.Update(booker, x => x with { Bookings = [.. x.Bookings.Select(b => b.Id == booking ? b with { Used = true } : b)] }));
            }
        }

        failed |= await VisitorAsync(wanted, DecisionActions.VisitorCheckIn, "checked_in_at = @at, checked_out_at = NULL", p => p with { CheckedInAt = e.At, CheckedOutAt = null }, changes).ConfigureAwait(false);
        failed |= await VisitorAsync(wanted, DecisionActions.VisitorCheckOut, "checked_out_at = @at", p => p with { CheckedOutAt = e.At }, changes).ConfigureAwait(false);
        return failed;
    }

    private async Task<DecisionActions> VisitorAsync(DecisionActions wanted, DecisionActions action, string set, Func<VisitorPass, VisitorPass> change, List<Action<AccessIndex>> changes)
    {
        if (!Has(wanted, action) || e.Person is not { } person)
        {
            return DecisionActions.None;
        }

        var rows = await ExecuteAsync($"UPDATE visitor_passes SET {set} WHERE person_id = @person", ("person", person.Value), ("at", db.Instant(e.At))).ConfigureAwait(false);
        if (rows == 0)
        {
            return action;
        }

        changes.Add(index => index.Update(person, x => x.Visitor is null ? x : x with { Visitor = change(x.Visitor) }));
        return DecisionActions.None;
    }

    /// <summary>Deletes the presence row; returns its zone (0 for none), or null when there was none.</summary>
    private async Task<long?> QueryZoneAsync(PersonId person, SiteId site)
    {
        var command = commands.Get("DELETE FROM presence WHERE person_id = @person AND site_id = @site RETURNING zone_id", ("person", person.Value), ("site", site.Value));
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            return null;
        }

        return reader.IsDBNull(0) ? 0 : reader.GetInt64(0);
    }

    private async Task<bool> UpdateCredentialAsync(string sql, CredentialId credential, List<Action<AccessIndex>> changes)
    {
        var lockScan = sql.Contains("@at", StringComparison.Ordinal);
        (string, object?)[] args = lockScan ? [("id", credential.Value), ("at", db.Instant(e.At))] : [("id", credential.Value)];
        var command = commands.Get(sql, args);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            return false;
        }

        var value = reader.GetString(0);
        var flags = (CredentialFlags)reader.GetInt32(1);
        var at = e.At;
        if (e.Organization is { } org)
        {
            changes.Add(index =>
            {
                if (index.FindCredential(org, value) is { } current)
                {
                    index.SetCredential(org, lockScan ? current with { Flags = flags, LastGrantedAt = at } : current with { Flags = flags });
                }
            });
        }

        return true;
    }

    private Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] args) => commands.ExecuteAsync(sql, args);

    private async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] args)
    {
        var result = await commands.Get(sql, args).ExecuteScalarAsync().ConfigureAwait(false);
        return result is DBNull ? null : result;
    }

    private static bool Has(DecisionActions wanted, DecisionActions action) => (wanted & action) == action;
}
