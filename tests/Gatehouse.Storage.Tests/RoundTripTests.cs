using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Tests;

public sealed class RoundTripTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Topology_rows_come_back_as_they_were_stored(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var org = world.Org;

        Assert.Equal(world.Organization.Name, (await store.GetOrganizationAsync(org))!.Name);
        Assert.Equal(world.Organization.QrSigningKey, (await store.GetOrganizationAsync(org))!.QrSigningKey);
        var site = (await store.GetSiteAsync(org, world.Site.Id))!;
        Assert.Equal(world.Site with { TimeZone = World.Amsterdam }, site with { TimeZone = World.Amsterdam });
        Assert.Equal("Europe/Amsterdam", site.TimeZone.Id);
        Assert.Equal(world.Zone, await store.GetZoneAsync(org, world.Zone.Id));
        Assert.Equal(world.Gate, await store.GetDeviceAsync(org, world.Gate.Id));

        var logic = (await store.GetLogicAsync(org, world.Logic.Id))!;
        Assert.Equal(1, logic.Version);
        Assert.Equal(sandbox.Time.GetUtcNow(), logic.CreatedAt);
        Assert.True(logic.Checks.CheckLackOfPresence);
        Assert.Equal([Gender.Female], logic.Checks.AllowedGenders);
        Assert.Equal(30, logic.Advanced.DoubleEntryTimeSeconds);
        Assert.Equal(new Uri("https://example.test/ask"), logic.Advanced.ExternalAccessUrl);
        Assert.True(logic.Actions.AddPresence);

        sandbox.Time.Advance(TimeSpan.FromMinutes(5));
        var edited = await store.UpdateLogicAsync(logic with { Name = "Edited", Checks = logic.Checks with { CheckDoubleScan = true } });
        Assert.Equal(2, edited.Value!.Version);
        Assert.Equal(sandbox.Time.GetUtcNow(), edited.Value.ModifiedAt);
        Assert.Equal(logic.CreatedAt, edited.Value.CreatedAt);
        Assert.Equal(2, store.Index.FindLogic(logic.Id)!.Version);

        var level = (await store.AddLevelAsync(new AccessLevel(default, org, "Floors 1-2", [world.Zone.Id]))).Value!;
        var storedLevel = (await store.GetLevelAsync(org, level.Id))!;
        Assert.Equal(level.Zones, storedLevel.Zones);

        var secret = (await store.RotateDeviceSecretAsync(org, world.Gate.Id, "hash-1")).Value!;
        sandbox.Time.Advance(TimeSpan.FromMinutes(1));
        await store.RotateDeviceSecretAsync(org, world.Gate.Id, "hash-2");
        var secrets = await store.ListDeviceSecretsAsync(org, world.Gate.Id);
        Assert.Equal(["hash-1", "hash-2"], secrets.Select(s => s.SecretHash));
        Assert.False(secrets[0].IsActive);
        Assert.True(secrets[1].IsActive);
        Assert.Equal(secret.CreatedAt, secrets[0].CreatedAt);
        Assert.Equal("hash-2", store.Index.FindDeviceSecretHash(world.Gate.Id));
        Assert.True((await store.RevokeDeviceSecretsAsync(org, world.Gate.Id)).IsOk);
        Assert.Null(store.Index.FindDeviceSecretHash(world.Gate.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task People_credentials_and_entitlements_come_back_as_they_were_stored(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var org = world.Org;
        var person = world.Member.Id;
        var now = sandbox.Time.GetUtcNow();
        var month = new TimeWindow(now, now.AddDays(30));

        Assert.Equal(world.Member, await store.GetPersonAsync(org, person));
        Assert.Equal(world.Member.Id, (await store.FindPersonByEmailAsync(org, "ADA@gym.test"))!.Id);
        Assert.Single(await store.ListPeopleAsync(org, "lov"));

        var qr = (await store.IssueCredentialAsync(org, new Credential(default, person, CredentialKind.RotatingQr, "TOTP-1", CredentialFlags.Guest, month, [9, 8, 7], now))).Value!;
        Assert.Equal(qr with { Secret = null }, (await store.GetCredentialAsync(org, qr.Id))! with { Secret = null });
        Assert.Equal([9, 8, 7], (await store.GetCredentialAsync(org, qr.Id))!.Secret);

        var rule = new AccessRule([ZoneType.Pool, ZoneType.Spa], WeekdaySet.Weekdays, new TimeOnly(6, 30), new TimeOnly(22, 0));
        var contract = (await store.AddContractAsync(org, new Contract(default, person, "Unlimited", month, ContractStatus.Active, true, true, [rule], [world.Site.Id], new SubscriptionId(5), new InvoiceId(6)))).Value!;
        var storedContract = (await store.GetContractAsync(org, contract.Id))!;
        Assert.Equal(rule.ZoneTypes, storedContract.AccessRules.Single().ZoneTypes);
        Assert.Equal(rule with { ZoneTypes = [] }, storedContract.AccessRules.Single() with { ZoneTypes = [] });
        Assert.Equal(contract.Sites, storedContract.Sites);
        Assert.Equal(contract with { Rules = null, Sites = null }, storedContract with { Rules = null, Sites = null });

        var product = (await store.AddProductAsync(org, new EntranceProduct(default, person, "Sauna x10", [ZoneType.Sauna], 10, month))).Value!;
        Assert.Equal(product.ZoneTypes, (await store.ListProductsAsync(org, person)).Single().ZoneTypes);
        var pause = (await store.AddPauseAsync(org, person, new SubscriptionPause(new SubscriptionId(5), month))).Value!;
        Assert.Equal(pause, (await store.ListPausesAsync(org, person)).Single());
        var invoice = (await store.AddInvoiceAsync(org, new Invoice(default, person, 49.95m, now, InvoiceStatus.PaymentInProgress, Payer.Company, contract.Id))).Value!;
        Assert.Equal(invoice, (await store.ListInvoicesAsync(org, person)).Single());
        Assert.True((await store.SetBalancesAsync(org, person, new Balances(-12.50m, 3.25m))).IsOk);
        Assert.Equal(new Balances(-12.50m, 3.25m), await store.GetBalancesAsync(org, person));
        var booking = (await store.AddBookingAsync(org, new Booking(default, person, BookingKind.ClassSession, "Yoga", world.Site.Id, TimeWindow.Starting(now, TimeSpan.FromHours(1)), "Tess", "12", [ZoneType.StudioRoom]))).Value!;
        var storedBooking = (await store.ListBookingsAsync(org, person)).Single();
        Assert.Equal(booking.ZoneTypes, storedBooking.ZoneTypes);
        Assert.Equal(booking with { ZoneTypes = null }, storedBooking with { ZoneTypes = null });
        var questionnaire = (await store.AddQuestionnaireAsync(org, new QuestionnaireResult(default, person, new DateOnly(2026, 3, 2), true))).Value!;
        Assert.Equal(questionnaire, (await store.ListQuestionnairesAsync(org, person)).Single());
        var terms = new EmploymentTerms(new CompanyId(3), null, [rule], ConditionalAccess: true);
        Assert.True((await store.SetEmploymentAsync(org, person, terms)).IsOk);
        var storedTerms = (await store.GetEmploymentAsync(org, person))!;
        Assert.Equal(terms with { WorkingHours = null }, storedTerms with { WorkingHours = null });
        Assert.True((await store.MarkPresentAsync(org, new Presence(person, world.Site.Id, now, MarkedByStaff: true))).IsOk);
        Assert.Equal(StoreError.Conflict, (await store.MarkPresentAsync(org, new Presence(person, world.Site.Id, now))).Error);
        Assert.Equal(new Presence(person, world.Site.Id, now, true), (await store.ListPresenceAsync(org)).Single());

        // The index snapshot matches what was stored.
        var snapshot = store.Index.FindEntitlements(person)!;
        Assert.Equal(contract.Id, snapshot.Contracts.Single().Id);
        Assert.Equal(product, snapshot.Products.Single() with { ZoneTypes = product.ZoneTypes });
        Assert.Equal(pause.Pause, snapshot.Pauses.Single());
        Assert.Equal(invoice, snapshot.Invoices.Single());
        Assert.Equal(-12.50m, snapshot.PosBalance);
        Assert.Equal(booking.Id, snapshot.Bookings.Single().Id);
        Assert.Equal(questionnaire, snapshot.Questionnaires.Single());
        Assert.True(snapshot.Employment!.ConditionalAccess);
        Assert.True(store.Index.FindPresence(person)?.MarkedByStaff);

        // Deletes remove rows and snapshot parts.
        Assert.True((await store.DeleteContractAsync(org, contract.Id)).IsOk);
        Assert.True((await store.DeleteProductAsync(org, product.Id)).IsOk);
        Assert.True((await store.DeletePauseAsync(org, pause.Id)).IsOk);
        Assert.True((await store.DeleteInvoiceAsync(org, invoice.Id)).IsOk);
        Assert.True((await store.DeleteBookingAsync(org, booking.Id)).IsOk);
        Assert.True((await store.DeleteQuestionnaireAsync(org, questionnaire.Id)).IsOk);
        Assert.True((await store.SetEmploymentAsync(org, person, null)).IsOk);
        Assert.True((await store.ClearPresenceAsync(org, person, world.Site.Id)).IsOk);
        snapshot = store.Index.FindEntitlements(person)!;
        Assert.Empty(snapshot.Contracts);
        Assert.Empty(snapshot.Products);
        Assert.Empty(snapshot.Pauses);
        Assert.Empty(snapshot.Invoices);
        Assert.Empty(snapshot.Bookings);
        Assert.Empty(snapshot.Questionnaires);
        Assert.Null(snapshot.Employment);
        Assert.Null(store.Index.FindPresence(person));
        Assert.Empty(await store.ListContractsAsync(org, person));
    }

    // R-STU-06, R-STU-07
    [Theory, OnSqlite, OnPostgres]
    public async Task A_picture_change_is_kept_in_history_and_identity_validation_is_timestamped(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);

        await store.ChangePictureAsync(world.Org, world.Member.Id, "pictures/1.jpg");
        sandbox.Time.Advance(TimeSpan.FromDays(1));
        var second = (await store.ChangePictureAsync(world.Org, world.Member.Id, "pictures/2.jpg")).Value!;
        sandbox.Time.Advance(TimeSpan.FromMinutes(3));
        await store.ValidateIdentityAsync(world.Org, world.Member.Id);

        Assert.Equal(["pictures/2.jpg", "pictures/1.jpg"], (await store.ListPictureHistoryAsync(world.Org, world.Member.Id)).Select(p => p.ImageReference));
        var person = (await store.GetPersonAsync(world.Org, world.Member.Id))!;
        Assert.Equal(second.ChangedAt, person.PictureChangedAt);
        Assert.Equal(sandbox.Time.GetUtcNow(), person.IdentityValidatedAt);
        Assert.Equal(person, store.Index.FindEntitlements(world.Member.Id)!.Person);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Staff_users_round_trip_and_usernames_are_unique(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);
        var desk = new StaffUser(default, world.Org, "rita", "$hash", StaffRole.Receptionist, world.Member.Id, world.Gate.Id, world.Site.Id);

        var added = (await store.AddStaffUserAsync(desk)).Value!;
        Assert.Equal(added, await store.GetStaffUserAsync(world.Org, added.Id));
        Assert.Equal(added, await store.FindStaffUserByUsernameAsync("rita"));
        Assert.Equal(StoreError.Conflict, (await store.AddStaffUserAsync(desk with { Role = StaffRole.Owner })).Error);
        Assert.True((await store.UpdateStaffUserAsync(added with { Role = StaffRole.Administrator, Desk = null })).IsOk);
        Assert.Equal(StaffRole.Administrator, (await store.GetStaffUserAsync(world.Org, added.Id))!.Role);
        Assert.True((await store.DeleteStaffUserAsync(world.Org, added.Id)).IsOk);
        Assert.Empty(await store.ListStaffUsersAsync(world.Org));
    }

    // R-GYM-01
    [Theory, OnSqlite, OnPostgres]
    public async Task Deleting_an_access_logic_used_by_a_device_is_refused_with_a_clear_error(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var world = await World.CreateAsync(store);

        var refused = await store.DeleteLogicAsync(world.Org, world.Logic.Id);

        Assert.Equal(StoreError.InUse, refused.Error);
        Assert.Contains("Gate 1", refused.Message, StringComparison.Ordinal);
        Assert.NotNull(store.Index.FindLogic(world.Logic.Id));
        Assert.True((await store.DeleteDeviceAsync(world.Org, world.Gate.Id)).IsOk);
        Assert.True((await store.DeleteLogicAsync(world.Org, world.Logic.Id)).IsOk);
        Assert.Null(store.Index.FindLogic(world.Logic.Id));
        Assert.Null(store.Index.FindDevice(world.Gate.Id));
    }
}
