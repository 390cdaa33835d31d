using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>People, picture history and credentials.</summary>
internal sealed partial class SqlStore
{
    public async Task<StoreResult<Person>> AddPersonAsync(Person person, CancellationToken cancellationToken = default)
    {
        if (!await OrganizationExistsAsync(person.Organization, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Organization {person.Organization} not found.");
        }

        var id = await InsertAsync(
            "INSERT INTO people (organization_id, kind, first_name, last_name, gender, company_id, email, active, picture_changed_at, identity_validated_at) VALUES (@org, @kind, @first, @last, @gender, @company, @email, @active, @picture, @validated) RETURNING id",
            cancellationToken, [.. PersonArgs(person), ("picture", _db.Instant(person.PictureChangedAt)), ("validated", _db.Instant(person.IdentityValidatedAt))]).ConfigureAwait(false);
        var stored = person with { Id = new PersonId(id!.Value) };
        Index.SetPerson(stored);
        return stored;
    }

    public Task<Person?> GetPersonAsync(OrganizationId organization, PersonId id, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Person} FROM people WHERE id = @id AND organization_id = @org", Rows.ToPerson, cancellationToken, ("id", id.Value), ("org", organization.Value));

    public async Task<IReadOnlyList<Person>> ListPeopleAsync(OrganizationId organization, string? search = null, int offset = 0, int limit = 100, CancellationToken cancellationToken = default)
    {
        (string, object?)[] args = [("org", organization.Value), ("offset", Math.Max(0, offset)), ("limit", Math.Clamp(limit, 1, 1000))];
        if (string.IsNullOrWhiteSpace(search))
        {
            return await QueryAsync($"SELECT {Rows.Person} FROM people WHERE organization_id = @org ORDER BY id LIMIT @limit OFFSET @offset", Rows.ToPerson, cancellationToken, args).ConfigureAwait(false);
        }

        var pattern = search.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
        return await QueryAsync(
            $"SELECT {Rows.Person} FROM people WHERE organization_id = @org AND (lower(first_name) LIKE @search OR lower(last_name) LIKE @search OR lower(email) LIKE @search) ORDER BY id LIMIT @limit OFFSET @offset",
            Rows.ToPerson, cancellationToken, [.. args, ("search", pattern)]).ConfigureAwait(false);
    }

    public Task<Person?> FindPersonByEmailAsync(OrganizationId organization, string email, CancellationToken cancellationToken = default) =>
        FirstAsync($"SELECT {Rows.Person} FROM people WHERE organization_id = @org AND lower(email) = @email ORDER BY id", Rows.ToPerson, cancellationToken,
            ("org", organization.Value), ("email", email.Trim().ToLowerInvariant()));

    public async Task<StoreResult> UpdatePersonAsync(Person person, CancellationToken cancellationToken = default)
    {
        var rows = await ExecuteAsync(
            "UPDATE people SET kind = @kind, first_name = @first, last_name = @last, gender = @gender, company_id = @company, email = @email, active = @active WHERE id = @id AND organization_id = @org",
            cancellationToken, [.. PersonArgs(person), ("id", person.Id.Value)]).ConfigureAwait(false);
        if (rows == 0)
        {
            return StoreResult.NotFound($"Person {person.Id} not found.");
        }

        await RefreshPersonAsync(person.Organization, person.Id, cancellationToken).ConfigureAwait(false);
        return StoreResult.Ok;
    }

    public async Task<StoreResult> DeletePersonAsync(OrganizationId organization, PersonId id, CancellationToken cancellationToken = default)
    {
        var values = await QueryAsync("SELECT value FROM credentials WHERE person_id = @id AND organization_id = @org", r => r.String(0), cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        var rows = await ExecuteAsync("DELETE FROM people WHERE id = @id AND organization_id = @org", cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        if (rows == 0)
        {
            return StoreResult.NotFound($"Person {id} not found.");
        }

        foreach (var value in values)
        {
            Index.RemoveCredential(organization, value);
        }

        Index.RemovePerson(id);
        return StoreResult.Ok;
    }

    public async Task<StoreResult<PictureChange>> ChangePictureAsync(OrganizationId organization, PersonId person, string imageReference, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, person, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {person} not found.");
        }

        var now = Now;
        var id = await InTransactionAsync(async (connection, transaction) =>
        {
            await using (var update = Bind(connection.Command("UPDATE people SET picture_changed_at = @at WHERE id = @id", transaction), [("at", _db.Instant(now)), ("id", person.Value)]))
            {
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var insert = Bind(connection.Command("INSERT INTO picture_history (organization_id, person_id, changed_at, image_reference) VALUES (@org, @person, @at, @image) RETURNING id", transaction),
                [("org", organization.Value), ("person", person.Value), ("at", _db.Instant(now)), ("image", imageReference)]);
            return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken).ConfigureAwait(false);
        Index.Update(person, e => e with { Person = e.Person with { PictureChangedAt = now } });
        return new PictureChange(id, person, now, imageReference);
    }

    public async Task<IReadOnlyList<PictureChange>> ListPictureHistoryAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default) =>
        await QueryAsync($"SELECT {Rows.Picture} FROM picture_history WHERE person_id = @person AND organization_id = @org ORDER BY changed_at DESC, id DESC", Rows.ToPicture, cancellationToken,
            ("person", person.Value), ("org", organization.Value)).ConfigureAwait(false);

    public async Task<StoreResult> ValidateIdentityAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default)
    {
        var now = Now;
        var rows = await ExecuteAsync("UPDATE people SET identity_validated_at = @at WHERE id = @id AND organization_id = @org", cancellationToken,
            ("at", _db.Instant(now)), ("id", person.Value), ("org", organization.Value)).ConfigureAwait(false);
        return Apply(Found(rows, "Person"), () => Index.Update(person, e => e with { Person = e.Person with { IdentityValidatedAt = now } }));
    }

    public async Task<StoreResult<Credential>> IssueCredentialAsync(OrganizationId organization, Credential credential, CancellationToken cancellationToken = default)
    {
        if (!await PersonExistsAsync(organization, credential.Person, cancellationToken).ConfigureAwait(false))
        {
            return StoreResult.NotFound($"Person {credential.Person} not found.");
        }

        var id = await InsertAsync(
            "INSERT INTO credentials (organization_id, person_id, kind, value, flags, valid_from, valid_until, secret, last_granted_at) VALUES (@org, @person, @kind, @value, @flags, @from, @until, @secret, @last) RETURNING id",
            cancellationToken, ("org", organization.Value), ("person", credential.Person.Value), ("kind", credential.Kind.ToString()), ("value", credential.Value),
            ("flags", (int)credential.Flags), ("from", _db.Instant(credential.Validity?.From)), ("until", _db.Instant(credential.Validity?.Until)),
            ("secret", credential.Secret), ("last", _db.Instant(credential.LastGrantedAt))).ConfigureAwait(false);
        if (id is null)
        {
            return StoreResult.Conflict($"Credential value '{credential.Value}' is already issued in this organization.");
        }

        var stored = credential with { Id = new CredentialId(id.Value) };
        Index.SetCredential(organization, stored);
        return stored;
    }

    public async Task<Credential?> GetCredentialAsync(OrganizationId organization, CredentialId id, CancellationToken cancellationToken = default)
    {
        await _writer.SettleAsync().ConfigureAwait(false);
        var card = await FirstAsync($"SELECT {Rows.Credential} FROM credentials WHERE id = @id AND organization_id = @org", Rows.ToCredential, cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        return card is null ? null : (await WithGrantsAsync(card.Person, [card], cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<IReadOnlyList<Credential>> ListCredentialsAsync(OrganizationId organization, PersonId person, CancellationToken cancellationToken = default)
    {
        await _writer.SettleAsync().ConfigureAwait(false);
        var cards = await QueryAsync($"SELECT {Rows.Credential} FROM credentials WHERE person_id = @person AND organization_id = @org ORDER BY id", Rows.ToCredential, cancellationToken,
            ("person", person.Value), ("org", organization.Value)).ConfigureAwait(false);
        return await WithGrantsAsync(person, cards, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PostgreSQL keeps a card's grants in the events only (<see cref="RecentGrants"/>); SQLite's rows are settled.</summary>
    private async Task<IReadOnlyList<Credential>> WithGrantsAsync(PersonId person, IReadOnlyList<Credential> cards, CancellationToken cancellationToken)
    {
        if (_db.Provider != StoreProvider.Postgres)
        {
            return cards;
        }

        await using var connection = await _db.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await RecentGrants.ForPersonAsync(connection, _db, person, cards, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoreResult<Credential>> SetCredentialFlagsAsync(OrganizationId organization, CredentialId id, CredentialFlags set, CredentialFlags clear = CredentialFlags.None, CancellationToken cancellationToken = default)
    {
        // One statement, so a concurrent scan's "used" bit is never lost to a read-modify-write here.
        await _writer.SettleAsync().ConfigureAwait(false);
        var stored = await FirstAsync(
            $"UPDATE credentials SET flags = (flags | @set) & ~@clear WHERE id = @id AND organization_id = @org RETURNING {Rows.Credential}", Rows.ToCredential, cancellationToken,
            ("set", (int)set), ("clear", (int)clear), ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        if (stored is null)
        {
            return StoreResult.NotFound($"Credential {id} not found.");
        }

        // A scan committed since the settle (SQLite), or any grant (PostgreSQL), may have locked the card later than the
        // row says: keep the later lock.
        stored = (await WithGrantsAsync(stored.Person, [stored], cancellationToken).ConfigureAwait(false))[0];
        if (Index.FindLastGrant(organization, stored) is { } locked && (stored.LastGrantedAt is null || locked > stored.LastGrantedAt))
        {
            stored = stored with { LastGrantedAt = locked };
        }

        Index.SetCredential(organization, stored);
        return stored;
    }

    public async Task<StoreResult> DeleteCredentialAsync(OrganizationId organization, CredentialId id, CancellationToken cancellationToken = default)
    {
        var values = await QueryAsync("DELETE FROM credentials WHERE id = @id AND organization_id = @org RETURNING value", r => r.String(0), cancellationToken, ("id", id.Value), ("org", organization.Value)).ConfigureAwait(false);
        if (values.Count == 0)
        {
            return StoreResult.NotFound($"Credential {id} not found.");
        }

        Index.RemoveCredential(organization, values[0]);
        return StoreResult.Ok;
    }

    /// <summary>Re-reads the person row into the index (keeps the snapshot's other parts).</summary>
    private async Task RefreshPersonAsync(OrganizationId organization, PersonId id, CancellationToken cancellationToken)
    {
        if (await GetPersonAsync(organization, id, cancellationToken).ConfigureAwait(false) is { } person)
        {
            Index.SetPerson(person);
        }
    }

    private static (string, object?)[] PersonArgs(Person p) =>
    [
        ("org", p.Organization.Value), ("kind", p.Kind.ToString()), ("first", p.FirstName), ("last", p.LastName), ("gender", p.Gender.ToString()),
        ("company", p.Company?.Value), ("email", p.Email), ("active", p.Active),
    ];
}
