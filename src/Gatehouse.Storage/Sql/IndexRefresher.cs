using System.Data.Common;
using System.Globalization;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>Re-reads what another node changed and puts it into this node's index (or takes it out).</summary>
internal static class IndexRefresher
{
    public static async Task ApplyAsync(SqlDialect db, AccessIndex index, ChangeKind kind, OrganizationId organization, string key, CancellationToken cancellationToken)
    {
        var id = kind == ChangeKind.Credential ? 0 : long.Parse(key, CultureInfo.InvariantCulture);
        switch (kind)
        {
            case ChangeKind.Organization:
                if (await FirstAsync(db, $"SELECT {Rows.Organization} FROM organizations WHERE id = @id", id, Rows.ToOrganization, cancellationToken).ConfigureAwait(false) is { } org)
                {
                    index.Quietly(() => index.SetOrganization(org));
                }

                break;
            case ChangeKind.Site:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Site} FROM sites WHERE id = @id", id, Rows.ToSite, index.SetSite, () => index.RemoveSite(new SiteId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Zone:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Zone} FROM zones WHERE id = @id", id, Rows.ToZone, index.SetZone, () => index.RemoveZone(new ZoneId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Device:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Device} FROM devices WHERE id = @id", id, Rows.ToDevice, index.SetDevice, () => index.RemoveDevice(new DeviceId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Logic:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Logic} FROM access_logics WHERE id = @id", id, Rows.ToLogic, index.SetLogic, () => index.RemoveLogic(new AccessLogicId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Level:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Level} FROM access_levels WHERE id = @id", id, Rows.ToLevel, index.SetLevel, () => index.RemoveLevel(new AccessLevelId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Secret:
                var secret = await FirstAsync(db, $"SELECT {Rows.Secret} FROM device_secrets WHERE device_id = @id AND revoked_at IS NULL ORDER BY id DESC", id, Rows.ToSecret, cancellationToken).ConfigureAwait(false);
                index.Quietly(() => index.SetDeviceSecret(new DeviceId(id), secret?.SecretHash));
                break;
            case ChangeKind.Person:
                if (await PersonLoader.LoadAsync(db, new PersonId(id), cancellationToken).ConfigureAwait(false) is { } snapshot)
                {
                    index.SetEntitlements(snapshot);
                }
                else
                {
                    index.Quietly(() => index.RemovePerson(new PersonId(id)));
                }

                break;
            case ChangeKind.Credential:
                await using (var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false))
                await using (var command = connection.Command($"SELECT {Rows.Credential} FROM credentials WHERE organization_id = @org AND value = @value").With("org", organization.Value).With("value", key))
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var credential = Rows.ToCredential(new Row(reader, db));
                        index.Quietly(() => index.SetCredential(organization, credential));
                    }
                    else
                    {
                        index.Quietly(() => index.RemoveCredential(organization, key));
                    }
                }

                break;
            case ChangeKind.Presence:
                await RecountAsync(db, index, new SiteId(id), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static async Task RecountAsync(SqlDialect db, AccessIndex index, SiteId site, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT zone_id, COUNT(*) FROM presence WHERE site_id = @site GROUP BY zone_id").With("site", site.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var total = 0;
        var zones = new Dictionary<ZoneId, int>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
            total += count;
            if (!reader.IsDBNull(0))
            {
                zones[new ZoneId(reader.GetInt64(0))] = count;
            }
        }

        index.SetOccupancy(site, total, zones);
    }

    private static async Task SetOrRemoveAsync<T>(SqlDialect db, AccessIndex index, string sql, long id, Func<Row, T> map, Action<T> set, Action remove, CancellationToken cancellationToken)
        where T : class
    {
        if (await FirstAsync(db, sql, id, map, cancellationToken).ConfigureAwait(false) is { } value)
        {
            index.Quietly(() => set(value));
        }
        else
        {
            index.Quietly(remove);
        }
    }

    private static async Task<T?> FirstAsync<T>(SqlDialect db, string sql, long id, Func<Row, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using DbConnection connection = await db.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql).With("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(new Row(reader, db)) : null;
    }
}
