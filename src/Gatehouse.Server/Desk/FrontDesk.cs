using Gatehouse.Engine;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Scanning;
using Gatehouse.Server.Auth;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>
/// The front desk's work (R-STU-07, R-STU-09, R-GYM-15, R-GYM-21): find a member, show their status at this
/// desk, check them in, record a receptionist's allow or refuse with who made it, validate identity after a
/// picture change, mark presence by hand. Statuses come from the same engine and index as device scans; a
/// check-in is stored exactly as a scan at the desk device is.
/// </summary>
public sealed class FrontDesk(IGatehouseStore store, TimeProvider time)
{
    /// <summary>Desks a receptionist can sit at: front desks and manual devices; any device when a site has none.</summary>
    public async Task<IReadOnlyList<Device>> ListDesksAsync(OrganizationId organization, CancellationToken cancellationToken)
    {
        var devices = await store.ListDevicesAsync(organization, cancellationToken: cancellationToken);
        var desks = devices.Where(d => d.Enabled && (d.Kind == DeviceKind.FrontDesk || d.Mode == EntryMode.Manual)).ToList();
        return desks.Count > 0 ? desks : devices.Where(d => d.Enabled).ToList();
    }

    /// <summary>The desk the staff member works at, or the first desk for an administrator who chose none.</summary>
    public async Task<Device?> DeskOfAsync(StaffClaims staff, long? requested, CancellationToken cancellationToken)
    {
        var desks = await ListDesksAsync(staff.Organization, cancellationToken);
        if (!staff.IsAdministrator)
        {
            return staff.Desk is { } own ? store.Index.FindDevice(own) is { } d && d.Organization == staff.Organization ? d : null : null;
        }

        return desks.FirstOrDefault(d => d.Id.Value == requested) ?? (staff.Desk is { } desk ? store.Index.FindDevice(desk) : null) ?? (desks.Count > 0 ? desks[0] : null);
    }

    /// <summary>By card (exact credential value) first, then by name or email prefix.</summary>
    public async Task<IReadOnlyList<Person>> SearchAsync(OrganizationId organization, string text, CancellationToken cancellationToken)
    {
        text = text.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        if (store.Index.FindCredential(organization, text) is { } credential
            && store.Index.FindEntitlements(credential.Person) is { } holder)
        {
            return [holder.Person];
        }

        return await store.ListPeopleAsync(organization, text, 0, 25, cancellationToken);
    }

    /// <summary>The member as a check at this desk would see them now, without storing anything.</summary>
    public async Task<ApiResult<DeskView>> ViewAsync(StaffClaims staff, Device desk, PersonId person, CancellationToken cancellationToken)
    {
        if (store.Index.FindEntitlements(person) is not { } entitlements || entitlements.Person.Organization != staff.Organization)
        {
            return new ApiError.NotFound("person", person.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var decision = Decide(staff, desk, entitlements, await CredentialToCheckAsync(staff, person, cancellationToken));
        return await BuildAsync(staff, desk, entitlements, decision, null, refreshed: true, cancellationToken);
    }

    /// <summary>The member of a stored scan at a desk (pushed live when they scan); <paramref name="refresh"/> re-checks now.</summary>
    public async Task<ApiResult<DeskView>> ViewEventAsync(StaffClaims staff, AccessEventId eventId, bool refresh, CancellationToken cancellationToken)
    {
        var stored = await store.GetEventAsync(staff.Organization, eventId, cancellationToken);
        if (stored is null || stored.Person is not { } person || store.Index.FindEntitlements(person) is not { } entitlements
            || store.Index.FindDevice(stored.Device) is not { } desk || !MayView(staff, stored))
        {
            return new ApiError.NotFound("entry", eventId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var decision = Decide(staff, desk, entitlements, await CredentialToCheckAsync(staff, person, cancellationToken));
        return await BuildAsync(staff, desk, entitlements, decision, stored, refresh, cancellationToken);
    }

    /// <summary>Checks the member in at the desk: decided and stored like a scan at the desk device (R-STU-01).</summary>
    public async Task<ApiResult<AccessEvent>> CheckInAsync(StaffClaims staff, Device desk, PersonId person, CancellationToken cancellationToken)
    {
        var credential = await CredentialToCheckAsync(staff, person, cancellationToken);
        using var personLock = await store.PersonLocks.AcquireAsync(person, cancellationToken);
        if (store.Index.FindEntitlements(person) is not { } entitlements || entitlements.Person.Organization != staff.Organization)
        {
            return new ApiError.NotFound("person", person.ToString());
        }

        var decision = Decide(staff, desk, entitlements, credential);
        var appended = await store.AppendAsync(EventAppend.From(decision, staff.Organization, null), cancellationToken);
        return appended.Event;
    }

    /// <summary>R-STU-07: allow or refuse a stored entry; recorded with who made the choice.</summary>
    public async Task<ApiResult<AccessEvent>> DecideAsync(StaffClaims staff, AccessEventId eventId, bool allowed, CancellationToken cancellationToken)
    {
        var stored = await store.GetEventAsync(staff.Organization, eventId, cancellationToken);
        if (stored is null || !MayView(staff, stored))
        {
            return new ApiError.NotFound("entry", eventId.ToString());
        }

        // The same rule as POST /api/v1/events/{id}/staff-decision (R-OPS-06).
        if (stored.Outcome != Outcome.Warning || stored.Mode != EntryMode.Manual)
        {
            return new ApiError.Conflict("Only a manual entry with warnings waits for a staff decision.");
        }

        var result = await store.RecordStaffDecisionAsync(staff.Organization, eventId, allowed, new StaffUserId(staff.UserId), cancellationToken);
        if (!result.IsOk)
        {
            return new ApiError.Conflict(result.Message ?? "The entry was already decided.");
        }

        if (allowed)
        {
            await ApplyHeldBackPresenceAsync(staff.Organization, result.Value!, cancellationToken);
        }

        return result.Value!;
    }

    /// <summary>
    /// The engine holds back side effects of a manual entry with warnings until staff decide (R-STU-07): on
    /// "allow entry" the person now passes, so the desk logic's presence is added. Already present is fine.
    /// </summary>
    private async Task ApplyHeldBackPresenceAsync(OrganizationId organization, AccessEvent allowedEntry, CancellationToken cancellationToken)
    {
        if (allowedEntry is not { Person: { } person, Site: { } site, Logic: { } logicId, Direction: Direction.In }
            || store.Index.FindLogic(logicId) is not { Actions.AddPresence: true })
        {
            return;
        }

        await store.MarkPresentAsync(organization, new Presence(person, site, time.GetUtcNow(), MarkedByStaff: false, allowedEntry.Zone), cancellationToken);
    }

    /// <summary>R-STU-07: staff compared the picture history; clears the recent-picture warning.</summary>
    public async Task<ApiError?> ValidateIdentityAsync(StaffClaims staff, PersonId person, CancellationToken cancellationToken) =>
        Map(await store.ValidateIdentityAsync(staff.Organization, person, cancellationToken), "person", person.ToString());

    /// <summary>R-GYM-15: presence ticked by hand at the desk's establishment.</summary>
    public async Task<ApiError?> MarkPresentAsync(StaffClaims staff, Device desk, PersonId person, CancellationToken cancellationToken)
    {
        var presence = new Presence(person, desk.Site, time.GetUtcNow(), MarkedByStaff: true, desk.Zone);
        return Map(await store.MarkPresentAsync(staff.Organization, presence, cancellationToken), "person", person.ToString());
    }

    /// <summary>R-STU-10: a receptionist sees manual entries of their own desk and automatic entries of their establishment.</summary>
    public static bool MayView(StaffClaims staff, AccessEvent stored) =>
        staff.IsAdministrator
        || (stored.Mode == EntryMode.Manual ? stored.Device == staff.Desk : stored.Site == staff.Site);

    private Decision Decide(StaffClaims staff, Device desk, Engine.Model.Entitlements entitlements, Credential? credential)
    {
        var scan = new Scan(desk.Id, credential?.Value ?? string.Empty, time.GetUtcNow(), DeskSite: staff.Site ?? desk.Site);
        return Gatekeeper.Decide(scan, store.Index);
    }

    /// <summary>The credential a desk check presents: a usable card, PIN or token; QR codes need the phone's own code.</summary>
    private async Task<Credential?> CredentialToCheckAsync(StaffClaims staff, PersonId person, CancellationToken cancellationToken)
    {
        var credentials = await store.ListCredentialsAsync(staff.Organization, person, cancellationToken);
        var plain = credentials.Where(c => c.Kind is CredentialKind.Card or CredentialKind.Pin or CredentialKind.AppToken or CredentialKind.Fingerprint).ToList();
        return plain.FirstOrDefault(c => (c.Flags & (CredentialFlags.Lost | CredentialFlags.Blocked | CredentialFlags.Used)) == 0) ?? plain.FirstOrDefault();
    }

    private async Task<ApiResult<DeskView>> BuildAsync(
        StaffClaims staff, Device desk, Engine.Model.Entitlements entitlements, Decision decision, AccessEvent? stored, bool refreshed, CancellationToken cancellationToken)
    {
        var person = entitlements.Person;
        var pictures = await store.ListPictureHistoryAsync(staff.Organization, person.Id, cancellationToken);
        var credentials = await store.ListCredentialsAsync(staff.Organization, person.Id, cancellationToken);
        var useStored = stored is not null && !refreshed;
        return new DeskView(
            person,
            desk,
            useStored ? stored!.Outcome : decision.Outcome,
            useStored ? stored!.Reasons : decision.Reasons.ToArray(),
            useStored ? stored!.DisplayText : decision.DisplayText,
            decision.PassInUse,
            decision.NextBooking,
            new Balances(entitlements.PosBalance, entitlements.AccountBalance),
            store.Index.FindPresence(entitlements.Person.Id),
            pictures.OrderByDescending(p => p.ChangedAt).ToList(),
            credentials,
            stored,
            refreshed,
            store.Index.FindSite(desk.Site)?.TimeZone ?? TimeZoneInfo.Utc);
    }

    private static ApiError? Map(StoreResult result, string what, string id) => result.Error switch
    {
        StoreError.None => null,
        StoreError.NotFound => new ApiError.NotFound(what, id),
        StoreError.Conflict or StoreError.InUse => new ApiError.Conflict(result.Message ?? "Conflict."),
        _ => new ApiError.Invalid(result.Message ?? "Invalid."),
    };
}
