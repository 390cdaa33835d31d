using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Tests;

public sealed class IsolationTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task One_organization_never_reads_or_changes_another_organizations_rows(StoreKind kind)
    {
        await using var sandbox = await Sandbox.CreateAsync(kind);
        var store = await sandbox.OpenAsync();
        var mine = await World.CreateAsync(store, "mine");
        var theirs = await World.CreateAsync(store, "theirs");
        var me = mine.Org;
        var contract = (await store.AddContractAsync(theirs.Org, new Contract(default, theirs.Member.Id, "Theirs", TimeWindow.Starting(sandbox.Time.GetUtcNow(), TimeSpan.FromDays(1))))).Value!;
        var staff = (await store.AddStaffUserAsync(new StaffUser(default, theirs.Org, "their-admin", "h", StaffRole.Administrator))).Value!;
        var theirEvent = await store.AppendAsync(new EventAppend(theirs.Entry(sandbox.Time.GetUtcNow(), "t1")));

        // Reads by id
        Assert.Null(await store.GetSiteAsync(me, theirs.Site.Id));
        Assert.Null(await store.GetZoneAsync(me, theirs.Zone.Id));
        Assert.Null(await store.GetDeviceAsync(me, theirs.Gate.Id));
        Assert.Null(await store.GetLogicAsync(me, theirs.Logic.Id));
        Assert.Null(await store.GetPersonAsync(me, theirs.Member.Id));
        Assert.Null(await store.GetCredentialAsync(me, theirs.Card.Id));
        Assert.Null(await store.GetContractAsync(me, contract.Id));
        Assert.NotNull(await store.GetContractAsync(theirs.Org, contract.Id));
        var product = (await store.AddProductAsync(theirs.Org, new EntranceProduct(default, theirs.Member.Id, "p", [ZoneType.Spa], 1))).Value!;
        var invoice = (await store.AddInvoiceAsync(theirs.Org, new Invoice(default, theirs.Member.Id, 1m, sandbox.Time.GetUtcNow()))).Value!;
        var booking = (await store.AddBookingAsync(theirs.Org, new Booking(default, theirs.Member.Id, BookingKind.Facility, "b", theirs.Site.Id, TimeWindow.Starting(sandbox.Time.GetUtcNow(), TimeSpan.FromHours(1))))).Value!;
        Assert.Null(await store.GetProductAsync(me, product.Id));
        Assert.Null(await store.GetInvoiceAsync(me, invoice.Id));
        Assert.Null(await store.GetBookingAsync(me, booking.Id));
        Assert.Equal(product, (await store.GetProductAsync(theirs.Org, product.Id))! with { ZoneTypes = product.ZoneTypes });
        Assert.Equal(invoice, await store.GetInvoiceAsync(theirs.Org, invoice.Id));
        Assert.Equal(booking.Id, (await store.GetBookingAsync(theirs.Org, booking.Id))!.Id);
        Assert.Null(await store.GetStaffUserAsync(me, staff.Id));
        Assert.Null(await store.GetEventAsync(me, theirEvent.Event.Id));
        Assert.Null(await store.GetBalancesAsync(me, theirs.Member.Id));
        Assert.Empty(await store.ListCredentialsAsync(me, theirs.Member.Id));
        Assert.Empty(await store.ListContractsAsync(me, theirs.Member.Id));
        Assert.Single(await store.ListSitesAsync(me));
        Assert.Single(await store.ListPeopleAsync(me));
        Assert.Empty((await store.QueryEventsAsync(new EventQuery(me))).Items);
        Assert.Null(store.Index.FindCredential(me, theirs.Card.Value));

        // Writes by id
        Assert.Equal(StoreError.NotFound, (await store.UpdateSiteAsync(theirs.Site with { Organization = me, Name = "x" })).Error);
        Assert.Equal(StoreError.NotFound, (await store.UpdatePersonAsync(theirs.Member with { Organization = me, FirstName = "x" })).Error);
        Assert.Equal(StoreError.NotFound, (await store.UpdateContractAsync(me, contract with { Name = "x" })).Error);
        Assert.Equal(StoreError.NotFound, (await store.SetCredentialFlagsAsync(me, theirs.Card.Id, CredentialFlags.Blocked)).Error);
        Assert.Equal(StoreError.NotFound, (await store.DeleteCredentialAsync(me, theirs.Card.Id)).Error);
        Assert.Equal(StoreError.NotFound, (await store.DeletePersonAsync(me, theirs.Member.Id)).Error);
        Assert.Equal(StoreError.NotFound, (await store.DeleteContractAsync(me, contract.Id)).Error);
        Assert.Equal(StoreError.NotFound, (await store.DeleteLogicAsync(me, theirs.Logic.Id)).Error);
        Assert.Equal(StoreError.NotFound, (await store.DeleteDeviceAsync(me, theirs.Gate.Id)).Error);
        Assert.Equal(StoreError.NotFound, (await store.DeleteStaffUserAsync(me, staff.Id)).Error);
        Assert.Equal(StoreError.NotFound, (await store.RotateDeviceSecretAsync(me, theirs.Gate.Id, "h")).Error);
        Assert.Equal(StoreError.NotFound, (await store.SetBalancesAsync(me, theirs.Member.Id, new Balances(1, 1))).Error);
        Assert.Equal(StoreError.NotFound, (await store.RecordStaffDecisionAsync(me, theirEvent.Event.Id, true, staff.Id)).Error);

        // Creating rows that point into another organization
        Assert.Equal(StoreError.NotFound, (await store.IssueCredentialAsync(me, new Credential(default, theirs.Member.Id, CredentialKind.Card, "sneaky"))).Error);
        Assert.Equal(StoreError.NotFound, (await store.AddZoneAsync(me, new Zone(default, theirs.Site.Id, "z", ZoneType.Pool))).Error);
        Assert.Equal(StoreError.NotFound, (await store.AddDeviceAsync(mine.Gate with { Logic = theirs.Logic.Id })).Error);
        Assert.Equal(StoreError.NotFound, (await store.AddContractAsync(me, contract)).Error);
        Assert.Equal(StoreError.NotFound, (await store.MarkPresentAsync(me, new Presence(theirs.Member.Id, theirs.Site.Id, sandbox.Time.GetUtcNow()))).Error);

        // Credential values are unique per organization, not globally.
        Assert.True((await store.IssueCredentialAsync(me, new Credential(default, mine.Member.Id, CredentialKind.Card, theirs.Card.Value))).IsOk);
        Assert.Equal(StoreError.Conflict, (await store.IssueCredentialAsync(me, new Credential(default, mine.Member.Id, CredentialKind.Card, theirs.Card.Value))).Error);
        Assert.Equal(theirs.Member.Id, store.Index.FindCredential(theirs.Org, theirs.Card.Value)!.Person);
        Assert.Equal(mine.Member.Id, store.Index.FindCredential(me, theirs.Card.Value)!.Person);

        // Their rows are untouched.
        Assert.Equal("Theirs", (await store.GetContractAsync(theirs.Org, contract.Id))!.Name);
        Assert.Equal(theirs.Member, await store.GetPersonAsync(theirs.Org, theirs.Member.Id));
    }
}
