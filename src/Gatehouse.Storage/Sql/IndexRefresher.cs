using System.Data.Common;
using System.Globalization;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>Re-reads what another node changed and puts it into this node's index (or takes it out).</summary>
internal static class IndexRefresher
{
    /// <summary>Reads, then applies unless a local change slipped in between (then reads again, a few times).</summary>
    public static async Task ApplyAsync(SqlDialect db, AccessIndex index, ChangeKind kind, OrganizationId organization, string key, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var seen = index.LocalChanges;
            var change = new List<Action>();
            await ReadAsync(db, new Recorder(index, change), kind, organization, key, cancellationToken).ConfigureAwait(false);
            if (index.ApplyIfUnchanged(seen, () => change.ForEach(c => c())))
            {
                return;
            }
        }
    }

    private static async Task ReadAsync(SqlDialect db, Recorder index, ChangeKind kind, OrganizationId organization, string key, CancellationToken cancellationToken)
    {
        var id = kind is ChangeKind.Credential or ChangeKind.Grant ? 0 : long.Parse(key, CultureInfo.InvariantCulture);
        switch (kind)
        {
            case ChangeKind.Organization:
                if (await FirstAsync(db, $"SELECT {Rows.Organization} FROM organizations WHERE id = @id", id, Rows.ToOrganization, cancellationToken).ConfigureAwait(false) is { } org)
                {
                    index.Quietly(() => index.Index.SetOrganization(org));
                }

                break;
            case ChangeKind.Site:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Site} FROM sites WHERE id = @id", id, Rows.ToSite, index.Index.SetSite, () => index.Index.RemoveSite(new SiteId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Zone:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Zone} FROM zones WHERE id = @id", id, Rows.ToZone, index.Index.SetZone, () => index.Index.RemoveZone(new ZoneId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Device:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Device} FROM devices WHERE id = @id", id, Rows.ToDevice, index.Index.SetDevice, () => index.Index.RemoveDevice(new DeviceId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Logic:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Logic} FROM access_logics WHERE id = @id", id, Rows.ToLogic, index.Index.SetLogic, () => index.Index.RemoveLogic(new AccessLogicId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Level:
                await SetOrRemoveAsync(db, index, $"SELECT {Rows.Level} FROM access_levels WHERE id = @id", id, Rows.ToLevel, index.Index.SetLevel, () => index.Index.RemoveLevel(new AccessLevelId(id)), cancellationToken).ConfigureAwait(false);
                break;
            case ChangeKind.Secret:
                var secret = await FirstAsync(db, $"SELECT {Rows.Secret} FROM device_secrets WHERE device_id = @id AND revoked_at IS NULL ORDER BY id DESC", id, Rows.ToSecret, cancellationToken).ConfigureAwait(false);
                index.Quietly(() => index.Index.SetDeviceSecret(new DeviceId(id), secret?.SecretHash));
                break;
            case ChangeKind.Person:
                if (await PersonLoader.LoadAsync(db, new PersonId(id), cancellationToken).ConfigureAwait(false) is { } loaded)
                {
                    index.Quietly(() => index.Index.SetPerson(loaded.Entitlements, loaded.Presence));
                }
                else
                {
                    index.Quietly(() => index.Index.RemovePerson(new PersonId(id)));
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
                        index.Quietly(() => index.Index.SetCredential(organization, credential));
                    }
                    else
                    {
                        index.Quietly(() => index.Index.RemoveCredential(organization, key));
                    }
                }

                break;
            case ChangeKind.Grant:
                if (AccessIndex.ParseGrantKey(key) is { } grant)
                {
                    index.Quietly(() => index.Index.LearnGrant(organization, grant.Value, grant.At));
                }

                break;
            case ChangeKind.Presence:
                await RecountAsync(db, index, new SiteId(id), cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static async Task RecountAsync(SqlDialect db, Recorder index, SiteId site, CancellationToken cancellationToken)
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

        index.Quietly(() => index.Index.SetOccupancy(site, total, zones));
    }

    private static async Task SetOrRemoveAsync<T>(SqlDialect db, Recorder index, string sql, long id, Func<Row, T> map, Action<T> set, Action remove, CancellationToken cancellationToken)
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

    /// <summary>Collects the index changes of one refresh, to apply them together under the index gate.</summary>
    private sealed class Recorder(AccessIndex index, List<Action> changes)
    {
        public AccessIndex Index => index;

        public void Quietly(Action change) => changes.Add(change);
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
