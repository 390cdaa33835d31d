using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>Contracts, products, pauses, invoices and balances. The index snapshot changes copy-on-write after commit.</summary>
internal sealed partial class SqlStore
{
    private const string ContractSet = "name = @name, valid_from = @from, valid_until = @until, status = @status, is_main = @main, grants_entry = @grants, rules = @rules, sites = @sites, subscription_id = @subscription, invoice_id = @invoice";

    public async Task<StoreResult<Contract>> AddContractAsync(OrganizationId organization, Contract contract, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, contract.Person, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {contract.Person} not found.");
        }

        var id = await InsertAsync(
            "INSERT INTO contracts (organization_id, person_id, name, valid_from, valid_until, status, is_main, grants_entry, rules, sites, subscription_id, invoice_id) VALUES (@org, @person, @name, @from, @until, @status, @main, @grants, @rules, @sites, @subscription, @invoice) RETURNING id",
            cancellationToken, [.. ContractArgs(contract), ("org", organization.Value), ("person", contract.Person.Value)]).ConfigureAwait(false);
        var stored = contract with { Id = new ContractId(id!.Value) };
        Index.Update(stored.Person, e => e with { Contracts = [.. e.Contracts, stored] });
        return stored;
    }

    public Task<Contract?> GetContractAsync(OrganizationId organization, ContractId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Contract} FROM contracts WHERE id = @id AND organization_id = @org", Rows.ToContract, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<Contract>> ListContractsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Contract} FROM contracts WHERE person_id = @person AND organization_id = @org ORDER BY id", Rows.ToContract, cancellationToken, ("person", person.Value), ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> UpdateContractAsync(OrganizationId organization, Contract contract, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync($"UPDATE contracts SET {ContractSet} WHERE id = @id AND organization_id = @org AND person_id = @person", cancellationToken,
            [.. ContractArgs(contract), ("id", contract.Id.Value), ("org", organization.Value), ("person", contract.Person.Value)]).ConfigureAwait(false);
        return Apply(Found(rows, "Contract"), () => Index.Update(contract.Person, e => e with { Contracts = Replace(e.Contracts, c => c.Id == contract.Id, contract) }));
    }

    public Task<StoreResult> DeleteContractAsync(OrganizationId organization, ContractId id, CancellationToken cancellationToken = default) =>
        DeleteOwnedAsync("contracts", id.Value, organization, (e) => e with { Contracts = Without(e.Contracts, c => c.Id == id) }, "Contract", cancellationToken);

    public async Task<StoreResult<EntranceProduct>> AddProductAsync(OrganizationId organization, EntranceProduct product, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, product.Person, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {product.Person} not found.");
        }

        var id = await InsertAsync(
            "INSERT INTO entrance_products (organization_id, person_id, name, zone_types, remaining_entries, valid_from, valid_until) VALUES (@org, @person, @name, @types, @remaining, @from, @until) RETURNING id",
            cancellationToken, [.. ProductArgs(product), ("org", organization.Value), ("person", product.Person.Value)]).ConfigureAwait(false);
        var stored = product with { Id = new EntranceProductId(id!.Value) };
        Index.Update(stored.Person, e => e with { Products = [.. e.Products, stored] });
        return stored;
    }

    public Task<EntranceProduct?> GetProductAsync(OrganizationId organization, EntranceProductId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Product} FROM entrance_products WHERE id = @id AND organization_id = @org", Rows.ToProduct, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<EntranceProduct>> ListProductsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Product} FROM entrance_products WHERE person_id = @person AND organization_id = @org ORDER BY id", Rows.ToProduct, cancellationToken, ("person", person.Value), ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> UpdateProductAsync(OrganizationId organization, EntranceProduct product, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync(
            "UPDATE entrance_products SET name = @name, zone_types = @types, remaining_entries = @remaining, valid_from = @from, valid_until = @until WHERE id = @id AND organization_id = @org AND person_id = @person",
            cancellationToken, [.. ProductArgs(product), ("id", product.Id.Value), ("org", organization.Value), ("person", product.Person.Value)]).ConfigureAwait(false);
        return Apply(Found(rows, "Entrance product"), () => Index.Update(product.Person, e => e with { Products = Replace(e.Products, p => p.Id == product.Id, product) }));
    }

    public Task<StoreResult> DeleteProductAsync(OrganizationId organization, EntranceProductId id, CancellationToken cancellationToken = default) =>
        DeleteOwnedAsync("entrance_products", id.Value, organization, e => e with { Products = Without(e.Products, p => p.Id == id) }, "Entrance product", cancellationToken);

    public async Task<StoreResult<StoredPause>> AddPauseAsync(OrganizationId organization, PersonId person, SubscriptionPause pause, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, person, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {person} not found.");
        }

        var id = await InsertAsync(
            "INSERT INTO subscription_pauses (organization_id, person_id, subscription_id, period_from, period_until) VALUES (@org, @person, @subscription, @from, @until) RETURNING id",
            cancellationToken, ("org", organization.Value), ("person", person.Value), ("subscription", pause.Subscription.Value),
            ("from", _db.Instant(pause.Period.From)), ("until", _db.Instant(pause.Period.Until))).ConfigureAwait(false);
        Index.Update(person, e => e with { Pauses = [.. e.Pauses, pause] });
        return new StoredPause(id!.Value, person, pause);
    }

    public async Task<IReadOnlyList<StoredPause>> ListPausesAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Pause} FROM subscription_pauses WHERE person_id = @person AND organization_id = @org ORDER BY id", Rows.ToPause, cancellationToken, ("person", person.Value), ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> DeletePauseAsync(OrganizationId organization, long pauseId, CancellationToken cancellationToken = default)
    {
        var deleted = await FirstAsync($"DELETE FROM subscription_pauses WHERE id = @id AND organization_id = @org RETURNING {Rows.Pause}", Rows.ToPause, cancellationToken, ("id", pauseId), ("org", organization.Value)).ConfigureAwait(false);
        if (deleted is null)
        {
            return StoreResult.NotFound($"Pause {pauseId} not found.");
        }

        Index.Update(deleted.Person, e => e with { Pauses = Without(e.Pauses, p => p == deleted.Pause, once: true) });
        return StoreResult.Ok;
    }

    public async Task<StoreResult<Invoice>> AddInvoiceAsync(OrganizationId organization, Invoice invoice, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, invoice.Person, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {invoice.Person} not found.");
        }

        var id = await InsertAsync(
            "INSERT INTO invoices (organization_id, person_id, amount, due_at, status, payer, contract_id, booking_id) VALUES (@org, @person, @amount, @due, @status, @payer, @contract, @booking) RETURNING id",
            cancellationToken, [.. InvoiceArgs(invoice), ("org", organization.Value), ("person", invoice.Person.Value)]).ConfigureAwait(false);
        var stored = invoice with { Id = new InvoiceId(id!.Value) };
        Index.Update(stored.Person, e => e with { Invoices = [.. e.Invoices, stored] });
        return stored;
    }

    public Task<Invoice?> GetInvoiceAsync(OrganizationId organization, InvoiceId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Invoice} FROM invoices WHERE id = @id AND organization_id = @org", Rows.ToInvoice, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<Invoice>> ListInvoicesAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Invoice} FROM invoices WHERE person_id = @person AND organization_id = @org ORDER BY id", Rows.ToInvoice, cancellationToken, ("person", person.Value), ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> UpdateInvoiceAsync(OrganizationId organization, Invoice invoice, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync(
            "UPDATE invoices SET amount = @amount, due_at = @due, status = @status, payer = @payer, contract_id = @contract, booking_id = @booking WHERE id = @id AND organization_id = @org AND person_id = @person",
            cancellationToken, [.. InvoiceArgs(invoice), ("id", invoice.Id.Value), ("org", organization.Value), ("person", invoice.Person.Value)]).ConfigureAwait(false);
        return Apply(Found(rows, "Invoice"), () => Index.Update(invoice.Person, e => e with { Invoices = Replace(e.Invoices, i => i.Id == invoice.Id, invoice) }));
    }

    public Task<StoreResult> DeleteInvoiceAsync(OrganizationId organization, InvoiceId id, CancellationToken cancellationToken = default) =>
        DeleteOwnedAsync("invoices", id.Value, organization, e => e with { Invoices = Without(e.Invoices, i => i.Id == id) }, "Invoice", cancellationToken);

    public async Task<Balances?> GetBalancesAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync("SELECT pos_balance, account_balance FROM people WHERE id = @id AND organization_id = @org", r => new Balances(r.Decimal(0), r.Decimal(1)), cancellationToken,
            ("id", person.Value), ("org", organization.Value)).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : null;
    }

    public async Task<StoreResult> SetBalancesAsync(OrganizationId organization, PersonId person, Balances balances, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync("UPDATE people SET pos_balance = @pos, account_balance = @account WHERE id = @id AND organization_id = @org", cancellationToken,
            ("pos", balances.Pos), ("account", balances.Account), ("id", person.Value), ("org", organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Person"), () => Index.Update(person, e => e with { PosBalance = balances.Pos, AccountBalance = balances.Account }));
    }

    /// <summary>Deletes a row owned by a person and removes it from that person's snapshot.</summary>
    private async Task<StoreResult> DeleteOwnedAsync(string table, long id, OrganizationId organization, Func<Entitlements, Entitlements> change, string what, CancellationToken cancellationToken)
    {
        var owners = await QueryAsync($"DELETE FROM {table} WHERE id = @id AND organization_id = @org RETURNING person_id", r => new PersonId(r.Long(0)), cancellationToken,
            ("id", id), ("org", organization.Value)).ConfigureAwait(false);
        if (owners.Count == 0)
        {
            return StoreResult.NotFound($"{what} {id} not found.");
        }

        Index.Update(owners[0], change);
        return StoreResult.Ok;
    }

    private (string, object?)[] ContractArgs(Contract c) =>
    [
        ("name", c.Name), ("from", _db.Instant(c.Validity.From)), ("until", _db.Instant(c.Validity.Until)), ("status", c.Status.ToString()),
        ("main", c.IsMain), ("grants", c.GrantsEntry), ("rules", StoreJson.WriteRules(c.Rules)),
        ("sites", c.Sites is null ? null : StoreJson.Write(c.Sites.Select(s => s.Value))), ("subscription", c.Subscription?.Value), ("invoice", c.Invoice?.Value),
    ];

    private (string, object?)[] ProductArgs(EntranceProduct p) =>
    [
        ("name", p.Name), ("types", StoreJson.Write(p.ZoneTypes)), ("remaining", p.RemainingEntries),
        ("from", _db.Instant(p.Validity?.From)), ("until", _db.Instant(p.Validity?.Until)),
    ];

    private (string, object?)[] InvoiceArgs(Invoice i) =>
    [
        ("amount", i.Amount), ("due", _db.Instant(i.DueAt)), ("status", i.Status.ToString()), ("payer", i.Payer.ToString()),
        ("contract", i.Contract?.Value), ("booking", i.Booking?.Value),
    ];

    private static T[] Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, T replacement) => [.. items.Select(i => match(i) ? replacement : i)];

    private static T[] Without<T>(IReadOnlyList<T> items, Func<T, bool> match, bool once = false)
    {
        var result = new List<T>(items.Count);
        var removed = false;
        foreach (var item in items)
        {
            if (match(item) && !(once && removed))
            {
                removed = true;
                continue;
            }

            result.Add(item);
        }

        return [.. result];
    }
}
