using System.Data.Common;
using System.Net;
using System.Text.Json;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Visitors;

/// <summary>R-VIS-10: seven days after the visit date nothing personal is left, and the events stay, anonymised.</summary>
public sealed class VisitorErasureTests
{
    /// <summary>Seven days after Tuesday 10 March, at the start of the day in London (GMT).</summary>
    private static readonly DateTimeOffset ErasureAt = new(2026, 3, 17, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] PersonalData = ["Zoe", "Zephyr", "zoe.zephyr@example.org", "PX-9", "Harriet Host"];

    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-VIS-10
    [Theory, MemberData(nameof(Providers))]
    public async Task Personal_data_is_erased_seven_days_after_the_visit_date_and_events_stay_anonymised(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync(externalId: "PX-9");
        var id = visitor.GetProperty("id").GetInt64();
        var person = visitor.GetProperty("personId").GetInt64();
        var qr = visitor.GetProperty("qrCode").GetString()!;
        var mail = visitor.GetProperty("mailFile").GetString()!;
        Assert.Equal(ErasureAt, VisitorJobTests.Job(visitor, "Erase").GetProperty("dueAt").GetDateTimeOffset());
        host.Time.Advance(TimeSpan.FromMinutes(65));
        Assert.Contains("Zoe", (await host.ScanAsync("office-kiosk", DemoData.OfficeKioskSecret, qr)).GetProperty("displayText").GetString(), StringComparison.Ordinal);
        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync("office-acme-door", DemoData.OfficeAcmeDoorSecret, qr)));

        host.Time.SetUtcNow(ErasureAt.AddSeconds(-1));
        await host.RunJobsAsync();
        Assert.NotNull(await host.Store.GetPersonAsync(host.Org, new PersonId(person)));
        Assert.True(File.Exists(mail));

        host.Time.SetUtcNow(ErasureAt);
        await host.SignInAgainAsync();
        await host.RunJobsAsync();
        Assert.Null(await host.Store.GetPersonAsync(host.Org, new PersonId(person)));
        Assert.False(File.Exists(mail));
        var erased = await host.GetVisitorAsync(id);
        Assert.Equal(JsonValueKind.Null, erased.GetProperty("firstName").ValueKind);
        Assert.Equal("erased", VisitorJobTests.Job(erased, "Erase").GetProperty("outcome").GetString());

        await using var db = await host.OpenDatabaseAsync();
        var events = await EventsOfAsync(db, person);
        Assert.Equal(2, events.Count); // check-in and door: ids and outcomes kept
        Assert.All(events, e => Assert.Equal(("Granted", ""), e));
        foreach (var datum in PersonalData)
        {
            Assert.Empty(await FindTextAsync(db, host.IsPostgres, datum));
        }
    }

    // R-VIS-10
    [Theory, MemberData(nameof(Providers))]
    public async Task Erasure_is_refused_while_the_visitor_has_a_pending_visit(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var first = await host.PreRegisterAsync(externalId: "PX-9");
        var later = OfficeHost.Start.AddDays(10);
        await host.PreRegisterAsync(externalId: "PX-9", from: later, until: later.AddHours(1));
        var person = new PersonId(first.GetProperty("personId").GetInt64());

        host.Time.SetUtcNow(ErasureAt);
        await host.SignInAgainAsync();
        await host.RunJobsAsync();
        var job = VisitorJobTests.Job(await host.GetVisitorAsync(first.GetProperty("id").GetInt64()), "Erase");
        Assert.StartsWith("refused", job.GetProperty("outcome").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await host.Store.GetPersonAsync(host.Org, person));

        using var erase = await host.Admin.DeleteAsync($"/api/v1/visitors/{first.GetProperty("id").GetInt64()}/personal-data");
        Assert.Equal(HttpStatusCode.Conflict, erase.StatusCode);
        Assert.NotNull(await host.Store.GetPersonAsync(host.Org, person));
    }

    private static async Task<List<(string Outcome, string DisplayText)>> EventsOfAsync(DbConnection db, long person)
    {
        await using var command = db.CreateCommand();
        command.CommandText = "SELECT outcome, display_text FROM events WHERE person_id = @p ORDER BY id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "p";
        parameter.Value = person;
        command.Parameters.Add(parameter);
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>Every text column of every table, searched for <paramref name="datum"/>: "table.column" of each hit.</summary>
    private static async Task<List<string>> FindTextAsync(DbConnection db, bool postgres, string datum)
    {
        var columns = new List<(string Table, string Column)>();
        await using (var list = db.CreateCommand())
        {
            list.CommandText = postgres
                ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb', 'json')"
                : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND (p.type = 'TEXT' OR p.type = '')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        Assert.Contains(columns, c => c.Table == "people");
        var hits = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var search = db.CreateCommand();
            search.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE CAST(\"{column}\" AS TEXT) LIKE '%{datum}%'";
            if (Convert.ToInt64(await search.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                hits.Add($"{table}.{column}");
            }
        }

        return hits;
    }
}
