using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>Column lists and row mappers, kept side by side so the ordinals cannot drift apart.</summary>
internal static class Rows
{
    public const string Organization = "id, name, qr_signing_key";

    public const string Site = "id, organization_id, name, time_zone, latitude, longitude, capacity";

    public const string Zone = "id, site_id, name, type, capacity";

    public const string Logic = "id, organization_id, name, version, policy, custom_policy, created_at, modified_at, checks, advanced, actions";

    public const string Device = "id, organization_id, site_id, zone_id, name, kind, direction, mode, logic_id, enabled, geofence_radius_meters, latitude, longitude, checkpoint";

    public const string Secret = "id, device_id, secret_hash, created_at, revoked_at";

    public const string Level = "id, organization_id, name, zones";

    public const string Person = "id, organization_id, kind, first_name, last_name, gender, company_id, email, active, picture_changed_at, identity_validated_at";

    public const string Credential = "id, person_id, kind, value, flags, valid_from, valid_until, secret, last_granted_at";

    public const string Contract = "id, person_id, name, valid_from, valid_until, status, is_main, grants_entry, rules, sites, subscription_id, invoice_id";

    public const string Product = "id, person_id, name, zone_types, remaining_entries, valid_from, valid_until";

    public const string Pause = "id, person_id, subscription_id, period_from, period_until";

    public const string Invoice = "id, person_id, amount, due_at, status, payer, contract_id, booking_id";

    public const string Booking = "id, person_id, kind, name, site_id, slot_from, slot_until, teacher, spot, zone_types, used, cancelled";

    public const string Questionnaire = "id, person_id, day, passed";

    public const string Presence = "person_id, site_id, since, marked_by_staff, zone_id";

    public const string Visitor = "person_id, site_id, category, meeting_from, meeting_until, level_id, pre_check_in_level_id, checked_in_at, checked_out_at";

    public const string Employment = "person_id, company_id, level_id, working_hours, conditional_access";

    public const string Staff = "id, organization_id, username, password_hash, role, person_id, desk_device_id, site_id, active";

    public const string Picture = "id, person_id, changed_at, image_reference";

    public const string Event = "e.id, e.organization_id, e.device_id, e.site_id, e.zone_id, e.credential_id, e.person_id, e.direction, e.at, e.outcome, e.reasons, e.logic_id, e.logic_version, e.mode, e.visit_reason_kind, e.visit_reason_id, e.visit_reason_name, e.display_text, e.request_id, e.pre_verification, e.actions, e.listed, d.allowed, d.staff_user_id, d.decided_at";

    public const string EventFrom = "events e LEFT JOIN staff_decisions d ON d.event_id = e.id";

    public static Organization ToOrganization(Row r) => new(new(r.Long(0)), r.String(1), r.BytesOrNull(2) ?? []);

    public static Site ToSite(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.String(2), TimeZoneInfo.FindSystemTimeZoneById(r.String(3)),
        r.IsNull(4) ? null : new GeoPoint(r.DoubleOrNull(4)!.Value, r.DoubleOrNull(5)!.Value), r.IntOrNull(6));

    public static Zone ToZone(Row r) => new(new(r.Long(0)), new(r.Long(1)), r.String(2), r.Enum<ZoneType>(3), r.IntOrNull(4));

    public static AccessLogic ToLogic(Row r) => new()
    {
        Id = new(r.Long(0)),
        Organization = new(r.Long(1)),
        Name = r.String(2),
        Version = r.Int(3),
        Policy = r.Enum<AccessPolicy>(4),
        CustomPolicy = r.StringOrNull(5),
        CreatedAt = r.Instant(6),
        ModifiedAt = r.Instant(7),
        Checks = StoreJson.Read<AccessChecks>(r.String(8)),
        Advanced = StoreJson.Read<AdvancedSettings>(r.String(9)),
        Actions = StoreJson.Read<AccessActions>(r.String(10)),
    };

    public static Device ToDevice(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), new(r.Long(2)), new(r.Long(3)), r.String(4), r.Enum<DeviceKind>(5),
        r.Enum<DeviceDirection>(6), r.Enum<EntryMode>(7), new(r.Long(8)), r.Bool(9), r.DoubleOrNull(10),
        r.IsNull(11) ? null : new GeoPoint(r.DoubleOrNull(11)!.Value, r.DoubleOrNull(12)!.Value), r.Enum<VisitorCheckpoint>(13));

    public static DeviceSecret ToSecret(Row r) => new(r.Long(0), new(r.Long(1)), r.String(2), r.Instant(3), r.InstantOrNull(4));

    public static AccessLevel ToLevel(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.String(2), StoreJson.Read<long[]>(r.String(3)).Select(z => new ZoneId(z)).ToArray());

    public static Person ToPerson(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.Enum<PersonKind>(2), r.Text(3), r.Text(4), r.Enum<Gender>(5),
        r.LongOrNull(6) is { } company ? new CompanyId(company) : null, r.StringOrNull(7), r.Bool(8), r.InstantOrNull(9), r.InstantOrNull(10));

    public static Credential ToCredential(Row r) => ToCredential(r, r.InstantOrNull(8));

    /// <summary>The credential with the given last grant in place of the row's (null: the index keeps it apart).</summary>
    public static Credential ToCredential(Row r, DateTimeOffset? lastGrant) => new(
        new(r.Long(0)), new(r.Long(1)), r.Enum<CredentialKind>(2), r.String(3), (CredentialFlags)r.Int(4),
        Window(r, 5), r.BytesOrNull(7), lastGrant);

    public static Contract ToContract(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.Text(2), new TimeWindow(r.Instant(3), r.Instant(4)), r.Enum<ContractStatus>(5),
        r.Bool(6), r.Bool(7), r.Parsed(8, Rules), r.Parsed(9, Sites),
        r.LongOrNull(10) is { } subscription ? new SubscriptionId(subscription) : null,
        r.LongOrNull(11) is { } invoice ? new InvoiceId(invoice) : null);

    public static EntranceProduct ToProduct(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.Text(2), r.Parsed(3, StoreJson.Read<ZoneType[]>)!, r.Int(4), Window(r, 5));

    public static StoredPause ToPause(Row r) => new(r.Long(0), new(r.Long(1)), new SubscriptionPause(new(r.Long(2)), new TimeWindow(r.Instant(3), r.Instant(4))));

    public static Invoice ToInvoice(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.Decimal(2), r.Instant(3), r.Enum<InvoiceStatus>(4), r.Enum<Payer>(5),
        r.LongOrNull(6) is { } contract ? new ContractId(contract) : null,
        r.LongOrNull(7) is { } booking ? new BookingId(booking) : null);

    public static Booking ToBooking(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.Enum<BookingKind>(2), r.Text(3), new(r.Long(4)), new TimeWindow(r.Instant(5), r.Instant(6)),
        r.TextOrNull(7), r.StringOrNull(8), r.Parsed(9, StoreJson.Read<ZoneType[]>), r.Bool(10), r.Bool(11));

    public static QuestionnaireResult ToQuestionnaire(Row r) => new(new(r.Long(0)), new(r.Long(1)), r.Date(2), r.Bool(3));

    public static Presence ToPresence(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.Instant(2), r.Bool(3), r.LongOrNull(4) is { } zone ? new ZoneId(zone) : null);

    public static VisitorPass ToVisitor(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.Text(2), new TimeWindow(r.Instant(3), r.Instant(4)), new(r.Long(5)),
        r.LongOrNull(6) is { } pre ? new AccessLevelId(pre) : null, r.InstantOrNull(7), r.InstantOrNull(8));

    public static EmploymentTerms ToEmployment(Row r) => new(
        r.LongOrNull(1) is { } company ? new CompanyId(company) : null,
        r.LongOrNull(2) is { } level ? new AccessLevelId(level) : null,
        r.Parsed(3, Rules), r.Bool(4));

    public static StaffUser ToStaff(Row r) => new(
        new(r.Long(0)), new(r.Long(1)), r.String(2), r.String(3), r.Enum<StaffRole>(4),
        r.LongOrNull(5) is { } person ? new PersonId(person) : null,
        r.LongOrNull(6) is { } desk ? new DeviceId(desk) : null,
        r.LongOrNull(7) is { } site ? new SiteId(site) : null, r.Bool(8));

    public static PictureChange ToPicture(Row r) => new(r.Long(0), new(r.Long(1)), r.Instant(2), r.String(3));

    public static AccessEvent ToEvent(Row r) => new()
    {
        Id = new(r.Long(0)),
        Organization = r.LongOrNull(1) is { } org ? new OrganizationId(org) : null,
        Device = new(r.Long(2)),
        Site = r.LongOrNull(3) is { } site ? new SiteId(site) : null,
        Zone = r.LongOrNull(4) is { } zone ? new ZoneId(zone) : null,
        Credential = r.LongOrNull(5) is { } credential ? new CredentialId(credential) : null,
        Person = r.LongOrNull(6) is { } person ? new PersonId(person) : null,
        Direction = r.Enum<Direction>(7),
        At = r.Instant(8),
        Outcome = r.Enum<Outcome>(9),
        Reasons = Reasons.Read(r.String(10)),
        Logic = r.LongOrNull(11) is { } logic ? new AccessLogicId(logic) : null,
        LogicVersion = r.Int(12),
        Mode = r.Enum<EntryMode>(13),
        VisitReason = new VisitReason(r.Enum<VisitReasonKind>(14), r.LongOrNull(15), r.StringOrNull(16)),
        DisplayText = r.String(17),
        RequestId = r.StringOrNull(18),
        PreVerification = r.Bool(19),
        Actions = (DecisionActions)r.Int(20),
        Listed = r.Bool(21),
        StaffDecision = r.BoolOrNull(22) is { } allowed ? new StaffDecision(allowed, new(r.Long(23)), r.Instant(24)) : null,
    };

    private static IReadOnlyList<AccessRule> Rules(string json) => StoreJson.ReadRules(json)!;

    private static SiteId[] Sites(string json) => StoreJson.Read<long[]>(json).Select(s => new SiteId(s)).ToArray();

    private static TimeWindow? Window(Row r, int from) =>
        r.IsNull(from) ? null : new TimeWindow(r.Instant(from), r.Instant(from + 1));
}
