using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;
using Gatehouse.Server.Tests.Visitors;

namespace Gatehouse.Server.Tests.Employees;

/// <summary>Employee profiles, company levels, rotating QR codes, profile linking and conditional access, over real HTTP.</summary>
public sealed class EmployeeTests
{
    private const string Door = "office-acme-door";

    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-EMP-01, R-EMP-03
    [Theory, MemberData(nameof(Providers))]
    public async Task Each_employee_gets_a_profile_and_all_employees_of_a_company_share_its_level(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var acme = await EmployeeSetup.CompanyAsync(host, "Acme", "Acme employees");
        var globex = await EmployeeSetup.CompanyAsync(host, "Globex", "Globex employees");

        var ada = await EmployeeSetup.EmployeeAsync(host, "Ada", "ada@acme.example", acme);
        var bob = await EmployeeSetup.EmployeeAsync(host, "Bob", "bob@acme.example", acme);
        var cyd = await EmployeeSetup.EmployeeAsync(host, "Cyd", "cyd@globex.example", globex);

        Assert.NotEqual(ada.GetProperty("personId").GetInt64(), bob.GetProperty("personId").GetInt64());
        Assert.Equal(ada.GetProperty("levelId").GetInt64(), bob.GetProperty("levelId").GetInt64());
        Assert.NotEqual(ada.GetProperty("levelId").GetInt64(), cyd.GetProperty("levelId").GetInt64());
        var person = await host.Store.GetPersonAsync(host.Org, new PersonId(ada.GetProperty("personId").GetInt64()));
        Assert.Equal(PersonKind.Employee, person!.Kind);
        Assert.False(ada.GetProperty("linked").GetBoolean());
        Assert.StartsWith("E-", ada.GetProperty("credentialValue").GetString(), StringComparison.Ordinal);

        var app = await EmployeeSetup.EnrolAsync(host, cyd.GetProperty("personId").GetInt64());
        Assert.Contains("ZoneNotInAccessLevel", OfficeHost.Codes(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, EmployeeSetup.Code(app, host.Time.GetUtcNow()))));
    }

    // R-EMP-02
    [Theory, MemberData(nameof(Providers))]
    public async Task Enrolment_reveals_the_secret_once_as_otpauth_uri_and_qr_png(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var ada = await EmployeeSetup.EmployeeAsync(host, "Ada", "ada@acme.example", await EmployeeSetup.CompanyAsync(host, "Acme", "Acme employees"));
        var id = ada.GetProperty("personId").GetInt64();

        using var first = await host.Admin.PostAsync($"/api/v1/employees/{id}/enrolment", null);
        var enrolment = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("otpauth://totp/", enrolment.GetProperty("otpAuthUri").GetString(), StringComparison.Ordinal);
        var png = Convert.FromBase64String(enrolment.GetProperty("qrPngBase64").GetString()!);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

        using var second = await host.Admin.PostAsync($"/api/v1/employees/{id}/enrolment", null);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.DoesNotContain("secret=", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // R-EMP-02: verified by the engine alone, one step of tolerance either side and no more.
    [Theory, MemberData(nameof(Providers))]
    public async Task Rotating_code_opens_the_door_within_one_step_of_tolerance_and_not_a_moment_beyond(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var ada = await EmployeeSetup.EmployeeAsync(host, "Ada", "ada@acme.example", await EmployeeSetup.CompanyAsync(host, "Acme", "Acme employees"));
        var app = await EmployeeSetup.EnrolAsync(host, ada.GetProperty("personId").GetInt64());
        var step = OfficeHost.Start; // 09:00:00, the first instant of a 30-second step
        var screenshot = EmployeeSetup.Code(app, step);

        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, screenshot)));
        host.Time.SetUtcNow(step.AddSeconds(59.999)); // last instant of the next step: one step of tolerance
        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, screenshot)));
        host.Time.SetUtcNow(step.AddSeconds(60)); // two steps old
        Assert.Contains("RotatingCodeInvalid", OfficeHost.Codes(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, screenshot)));
        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, EmployeeSetup.Code(app, host.Time.GetUtcNow()))));

        var ahead = EmployeeSetup.Code(app, step.AddSeconds(120)); // a phone clock one step ahead is tolerated, two are not
        host.Time.SetUtcNow(step.AddSeconds(89.999));
        Assert.Contains("RotatingCodeInvalid", OfficeHost.Codes(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, ahead)));
        host.Time.SetUtcNow(step.AddSeconds(90));
        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, ahead)));
    }

    // R-EMP-04
    [Theory, MemberData(nameof(Providers))]
    public async Task Conditional_access_needs_todays_office_booking_and_a_passed_questionnaire(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var ada = await EmployeeSetup.EmployeeAsync(host, "Ada", "ada@acme.example", await EmployeeSetup.CompanyAsync(host, "Acme", "Acme employees"), conditionalAccess: true);
        var id = ada.GetProperty("personId").GetInt64();
        var app = await EmployeeSetup.EnrolAsync(host, id);
        async Task<JsonElement> Scan() => await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, EmployeeSetup.Code(app, host.Time.GetUtcNow()));

        var none = await Scan();
        Assert.Equal("Denied", OfficeHost.Outcome(none));
        Assert.Contains("NoOfficeBooking", OfficeHost.Codes(none));

        (await host.PostAsync($"/api/v1/employees/{id}/office-days", new { siteId = host.Site, date = "2026-03-10" })).EnsureSuccessStatusCode();
        (await host.PostAsync($"/api/v1/employees/{id}/questionnaires", new { date = "2026-03-10", passed = false })).EnsureSuccessStatusCode();
        var failed = await Scan();
        Assert.Equal(new[] { "QuestionnaireNotPassed" }, OfficeHost.Codes(failed));

        (await host.PostAsync($"/api/v1/employees/{id}/questionnaires", new { date = "2026-03-10", passed = true })).EnsureSuccessStatusCode();
        Assert.Equal("Granted", OfficeHost.Outcome(await Scan()));

        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Contains("NoOfficeBooking", OfficeHost.Codes(await Scan()));
    }

    // R-EMP-04, R-OPS-04
    [Theory, MemberData(nameof(Providers))]
    public async Task Site_at_capacity_denies_the_next_employee_until_someone_leaves(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var site = (await host.Store.GetSiteAsync(host.Org, new SiteId(host.Site)))!;
        Assert.True((await host.Store.UpdateSiteAsync(site with { Capacity = 1 })).IsOk);
        var ada = await EmployeeSetup.EmployeeAsync(host, "Ada", "ada@acme.example", await EmployeeSetup.CompanyAsync(host, "Acme", "Acme employees"));
        var app = await EmployeeSetup.EnrolAsync(host, ada.GetProperty("personId").GetInt64());

        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, DemoData.CardAcmeEmployee))); // Jack is in
        var full = await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, EmployeeSetup.Code(app, host.Time.GetUtcNow()));
        Assert.Equal("Denied", OfficeHost.Outcome(full));
        Assert.Contains("SiteCapacityReached", OfficeHost.Codes(full));

        using (var leave = await host.Admin.DeleteAsync($"/api/v1/people/{host.Demo.People["jack"].Value}/presence/{host.Site}"))
        {
            Assert.True(leave.IsSuccessStatusCode);
        }

        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, EmployeeSetup.Code(app, host.Time.GetUtcNow()))));
    }

    // R-EMP-05, R-EMP-01
    [Theory, MemberData(nameof(Providers))]
    public async Task Profile_linking_matches_by_email_issues_nothing_and_opens_on_booked_days_only(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider, ("Gatehouse:Employees:ProfileLinking", "true"));
        var jack = host.Demo.People["jack"];
        var acmeLevel = (await host.Store.GetEmploymentAsync(host.Org, jack))!.Level;
        var acme = await EmployeeSetup.CompanyAsync(host, "Acme", "Globex employees"); // linking must not assign this level

        var linked = await EmployeeSetup.EmployeeAsync(host, "Jack", "JACK@acme.example".ToLowerInvariant(), acme);
        Assert.True(linked.GetProperty("linked").GetBoolean());
        Assert.Equal(jack.Value, linked.GetProperty("personId").GetInt64());
        Assert.Equal(JsonValueKind.Null, linked.GetProperty("credentialValue").ValueKind);
        Assert.Equal(acmeLevel!.Value.Value, linked.GetProperty("levelId").GetInt64());
        Assert.Single(await host.Store.ListCredentialsAsync(host.Org, jack)); // only the card Jack already had
        using (var enrol = await host.Admin.PostAsync($"/api/v1/employees/{jack.Value}/enrolment", null))
        {
            Assert.Equal(HttpStatusCode.NotFound, enrol.StatusCode);
        }

        Assert.Contains("NoOfficeBooking", OfficeHost.Codes(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, DemoData.CardAcmeEmployee)));
        (await host.PostAsync($"/api/v1/employees/{jack.Value}/office-days", new { siteId = host.Site, date = "2026-03-10" })).EnsureSuccessStatusCode();
        (await host.PostAsync($"/api/v1/employees/{jack.Value}/questionnaires", new { date = "2026-03-10", passed = true })).EnsureSuccessStatusCode();
        Assert.Equal("Granted", OfficeHost.Outcome(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, DemoData.CardAcmeEmployee)));

        host.Time.Advance(TimeSpan.FromDays(1));
        Assert.Contains("NoOfficeBooking", OfficeHost.Codes(await host.ScanAsync(Door, DemoData.OfficeAcmeDoorSecret, DemoData.CardAcmeEmployee)));
    }
}
