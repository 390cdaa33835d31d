using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gatehouse.Engine.Model;
using Gatehouse.Server.Credentials;
using Gatehouse.Server.Demo;
using Gatehouse.Server.Tests.Infrastructure;

namespace Gatehouse.Server.Tests.Visitors;

/// <summary>Pre-registration, the invitation and category levels, through real HTTP on SQLite and PostgreSQL.</summary>
public sealed partial class VisitorRegistrationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    // R-VIS-01
    [Theory, MemberData(nameof(Providers))]
    public async Task Pre_registration_creates_a_visitor_profile_with_names_token_email_and_external_id(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync(externalId: "PX-4711");

        var person = await host.Store.GetPersonAsync(host.Org, new PersonId(visitor.GetProperty("personId").GetInt64()));
        Assert.NotNull(person);
        Assert.Equal(PersonKind.Visitor, person.Kind);
        Assert.Equal(("Zoe", "Zephyr", "zoe.zephyr@example.org"), (person.FirstName, person.LastName, person.Email));
        Assert.Equal("PX-4711", visitor.GetProperty("externalId").GetString());
        var token = visitor.GetProperty("tokenNumber").GetString()!;
        var credential = Assert.Single(await host.Store.ListCredentialsAsync(host.Org, person.Id));
        Assert.Equal(token, credential.Value);
        Assert.Contains(token, visitor.GetProperty("qrCode").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, visitor.GetProperty("jobs").GetArrayLength()); // credential removal and erasure; no automatic check-out configured
    }

    // R-VIS-02
    [Theory, MemberData(nameof(Providers))]
    public async Task Invitation_mail_is_written_to_the_mail_folder_with_the_qr_png_inline_and_attached(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync();
        var qr = QrImage.Png(visitor.GetProperty("qrCode").GetString()!);

        var file = visitor.GetProperty("mailFile").GetString()!;
        Assert.StartsWith(host.MailFolder, file, StringComparison.Ordinal);
        var eml = await File.ReadAllTextAsync(file);
        Assert.Contains("zoe.zephyr@example.org", eml, StringComparison.Ordinal);
        Assert.Contains("Content-ID: <invitation-qr>", eml, StringComparison.Ordinal);
        var images = PngParts().Matches(eml).Select(m => Convert.FromBase64String(m.Groups[1].Value.Replace("\r\n", "", StringComparison.Ordinal))).ToArray();
        Assert.Equal(2, images.Length); // inline in the HTML body and as an attachment
        Assert.All(images, image => Assert.Equal(qr, image));

        using var png = await host.Admin.GetAsync($"/api/v1/visitors/{visitor.GetProperty("id").GetInt64()}/invitation.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal(qr, await png.Content.ReadAsByteArrayAsync());
    }

    // R-VIS-02
    [Theory, MemberData(nameof(Providers))]
    public async Task Invitation_can_be_sent_again_and_replaces_the_previous_mail(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync();
        var first = visitor.GetProperty("mailFile").GetString()!;

        using var resent = await host.PostAsync($"/api/v1/visitors/{visitor.GetProperty("id").GetInt64()}/invitation");
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var second = (await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mailFile").GetString()!;
        Assert.NotEqual(first, second);
        Assert.False(File.Exists(first));
        Assert.Contains("zoe.zephyr@example.org", await File.ReadAllTextAsync(second), StringComparison.Ordinal);

        var silent = await host.PreRegisterAsync(email: null);
        using var refused = await host.PostAsync($"/api/v1/visitors/{silent.GetProperty("id").GetInt64()}/invitation");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
    }

    // R-VIS-02: the QR in the invitation is what a reader sends, and only the engine can read it.
    [Theory, MemberData(nameof(Providers))]
    public async Task Invitation_qr_is_a_signed_code_and_the_bare_token_number_is_refused(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var visitor = await host.PreRegisterAsync();
        Assert.StartsWith("GH1.", visitor.GetProperty("qrCode").GetString(), StringComparison.Ordinal);

        host.Time.Advance(TimeSpan.FromHours(1));
        var bare = await host.ScanAsync("office-kiosk", DemoData.OfficeKioskSecret, visitor.GetProperty("tokenNumber").GetString()!);
        Assert.Contains("QrSignatureInvalid", OfficeHost.Codes(bare));
    }

    // R-VIS-03
    [Theory, MemberData(nameof(Providers))]
    public async Task Categories_map_to_access_levels_by_configuration(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider,
            ("Gatehouse:Visitors:Categories:contractor", "Acme employees"),
            ("Gatehouse:Visitors:Categories:visiting employee", "Visitor before check-in"));
        var levels = await host.Store.ListLevelsAsync(host.Org);

        var contractor = await host.PreRegisterAsync(category: "contractor", email: null);
        var visiting = await host.PreRegisterAsync(category: "Visiting employee", email: null);
        var standard = await host.PreRegisterAsync(category: "Standard visitor", email: null);

        Assert.Equal(levels.Single(l => l.Name == "Acme employees").Id, await LevelOf(host, contractor));
        Assert.Equal(levels.Single(l => l.Name == "Visitor before check-in").Id, await LevelOf(host, visiting));
        Assert.Equal(levels.Single(l => l.Name == "Standard visitor").Id, await LevelOf(host, standard));

        using var unknown = await host.Admin.PostAsJsonAsync("/api/v1/visitors", new
        {
            firstName = "Una", lastName = "Known", siteId = host.Site, meetingFrom = OfficeHost.Start.AddHours(1), meetingUntil = OfficeHost.Start.AddHours(2), category = "astronaut",
        }, OfficeHost.Json);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    // R-VIS-01: a returning visitor (same external id) keeps one profile.
    [Theory, MemberData(nameof(Providers))]
    public async Task Returning_visitor_with_the_same_external_id_keeps_one_profile(string provider)
    {
        await using var host = await OfficeHost.StartAsync(provider);
        var first = await host.PreRegisterAsync(externalId: "PX-1");
        var second = await host.PreRegisterAsync(externalId: "PX-1", from: OfficeHost.Start.AddDays(3), until: OfficeHost.Start.AddDays(3).AddHours(1));
        Assert.Equal(first.GetProperty("personId").GetInt64(), second.GetProperty("personId").GetInt64());
        Assert.NotEqual(first.GetProperty("id").GetInt64(), second.GetProperty("id").GetInt64());
    }

    private static async Task<AccessLevelId?> LevelOf(OfficeHost host, JsonElement visitor) =>
        (await host.Store.GetVisitorPassAsync(host.Org, new PersonId(visitor.GetProperty("personId").GetInt64())))?.Level;

    [GeneratedRegex(@"Content-Type: image/png[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([A-Za-z0-9+/=\r\n]+)")]
    private static partial Regex PngParts();
}
