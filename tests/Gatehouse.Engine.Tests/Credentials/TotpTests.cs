using System.Text;
using Gatehouse.Engine.Credentials;

namespace Gatehouse.Engine.Tests.Credentials;

// R-EMP-02: rotating tokens are RFC 6238 TOTP codes, verified offline.
public sealed class TotpTests
{
    private static readonly byte[] Sha1Secret = Encoding.ASCII.GetBytes("12345678901234567890");
    private static readonly byte[] Sha256Secret = Encoding.ASCII.GetBytes("12345678901234567890123456789012");
    private static readonly byte[] Sha512Secret = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");

    // The published test vectors of RFC 6238, appendix B.
    [Theory]
    [InlineData(59L, "94287082", "46119246", "90693936")]
    [InlineData(1111111109L, "07081804", "68084774", "25091201")]
    [InlineData(1111111111L, "14050471", "67062674", "99943326")]
    [InlineData(1234567890L, "89005924", "91819424", "93441116")]
    [InlineData(2000000000L, "69279037", "90698825", "38618901")]
    [InlineData(20000000000L, "65353130", "77737706", "47863826")]
    // R-EMP-02
    public void Matches_the_RFC_6238_test_vectors_R_EMP_02(long unixSeconds, string sha1, string sha256, string sha512)
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

        Assert.Equal(sha1, Totp.Generate(Sha1Secret, at, 8));
        Assert.Equal(sha256, Totp.Generate(Sha256Secret, at, 8, TotpAlgorithm.Sha256));
        Assert.Equal(sha512, Totp.Generate(Sha512Secret, at, 8, TotpAlgorithm.Sha512));
        Assert.True(Totp.Verify(Sha1Secret, sha1, at, 8));
    }

    // One step of tolerance each side, no more: a screenshot dies within 30 to 60 seconds.
    [Theory]
    [InlineData(-31, false)]
    [InlineData(-30, true)]
    [InlineData(0, true)]
    [InlineData(59, true)]
    [InlineData(60, false)]
    // R-EMP-02
    public void Accepts_one_step_of_drift_each_side_R_EMP_02(int secondsAfterStepStart, bool valid)
    {
        var stepStart = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000); // a multiple of 30
        var code = Totp.Generate(Sha1Secret, stepStart);

        Assert.Equal(valid, Totp.Verify(Sha1Secret, code, stepStart.AddSeconds(secondsAfterStepStart)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("abcdef")]
    // R-EMP-02
    public void Refuses_malformed_codes_R_EMP_02(string code)
    {
        Assert.False(Totp.Verify(Sha1Secret, code, DateTimeOffset.FromUnixTimeSeconds(59)));
    }

    [Fact]
    // R-EMP-02
    public void New_secret_is_160_random_bits_R_EMP_02()
    {
        var a = Totp.NewSecret();
        var b = Totp.NewSecret();

        Assert.Equal(20, a.Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    // R-EMP-02
    public void Otpauth_uri_carries_secret_issuer_and_account_R_EMP_02()
    {
        var uri = Totp.OtpAuthUri(Sha1Secret, "Gatehouse Tower", "anna@example.com");

        Assert.Equal(
            "otpauth://totp/Gatehouse%20Tower:anna%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Gatehouse%20Tower&algorithm=SHA1&digits=6&period=30",
            uri);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_round_trips_the_RFC_4648_vectors(string plain, string encoded)
    {
        Assert.Equal(encoded, Base32.Encode(Encoding.ASCII.GetBytes(plain)));
        Assert.Equal(plain, Encoding.ASCII.GetString(Base32.Decode(encoded.ToLowerInvariant() + "===")));
        Assert.False(Base32.TryDecode("MZ1W", out _));
    }
}
