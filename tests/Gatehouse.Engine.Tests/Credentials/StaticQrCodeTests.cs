using Gatehouse.Engine.Credentials;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Tests.Arrange;

namespace Gatehouse.Engine.Tests.Credentials;

// R-GYM-19: static QR codes are signed, so they cannot be forged or edited.
public sealed class StaticQrCodeTests
{
    private static readonly DateTimeOffset Issued = new(2026, 3, 4, 8, 55, 0, TimeSpan.Zero);

    [Fact]
    // R-GYM-19
    public void Issued_code_verifies_and_carries_its_parts_R_GYM_19()
    {
        var text = StaticQrCode.Issue(World.QrKey, "m-42.7", World.Club, Issued);

        Assert.StartsWith("GH1.m-42.7.10.1772614500.", text, StringComparison.Ordinal);
        Assert.Equal(StaticQrStatus.Genuine, StaticQrCode.Verify(World.QrKey, text, out var qr));
        Assert.Equal("m-42.7", qr.CredentialValue.ToString());
        Assert.Equal(World.Club, qr.Site);
        Assert.Equal(Issued, qr.IssuedAt);
    }

    [Theory]
    [InlineData("GH1.m-42.10.1772614500.AAAAAAAAAAAAAAAAAAAAAA", StaticQrStatus.SignatureInvalid)]
    [InlineData("GH1.m-42.10.1772614500", StaticQrStatus.Malformed)]
    [InlineData("GH1.m-42.x.1772614500.AAAAAAAAAAAAAAAAAAAAAA", StaticQrStatus.Malformed)]
    [InlineData("GH1..", StaticQrStatus.Malformed)]
    [InlineData("card-1", StaticQrStatus.Malformed)]
    // R-GYM-19
    public void Refuses_forged_and_malformed_text_R_GYM_19(string text, StaticQrStatus expected)
    {
        Assert.Equal(expected, StaticQrCode.Verify(World.QrKey, text, out _));
    }

    [Theory]
    [InlineData("m-42", "m-43")]
    [InlineData(".10.", ".11.")]
    [InlineData(".1772614500.", ".1772614501.")]
    // R-GYM-19
    public void Any_edit_breaks_the_signature_R_GYM_19(string part, string edited)
    {
        var text = StaticQrCode.Issue(World.QrKey, "m-42", World.Club, Issued);

        Assert.Equal(StaticQrStatus.SignatureInvalid, StaticQrCode.Verify(World.QrKey, text.Replace(part, edited, StringComparison.Ordinal), out _));
    }

    [Fact]
    // R-GYM-19
    public void Another_organizations_key_does_not_verify_R_GYM_19()
    {
        var text = StaticQrCode.Issue(World.QrKey, "m-42", World.Club, Issued);

        Assert.Equal(StaticQrStatus.SignatureInvalid, StaticQrCode.Verify(new byte[] { 1, 2, 3 }, text, out _));
    }

    [Fact]
    // R-EMP-02
    public void Rotating_code_text_splits_at_the_last_dot_R_EMP_02()
    {
        var text = RotatingQrCode.Issue("emp.7", new byte[20], Issued);

        Assert.True(RotatingQrCode.TryParse(text, out var value, out var code));
        Assert.Equal("emp.7", value.ToString());
        Assert.Equal(6, code.Length);
        Assert.False(RotatingQrCode.TryParse("GT1.nocode", out _, out _));
        Assert.False(RotatingQrCode.TryParse("GT1.x.", out _, out _));
    }

    [Fact]
    public void Static_qr_issue_refuses_an_empty_key()
    {
        Assert.Throws<ArgumentException>(() => StaticQrCode.Issue([], "m-42", new SiteId(1), Issued));
    }
}
