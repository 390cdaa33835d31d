using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Gatehouse.Engine.Credentials;

/// <summary>
/// Time-based one-time codes (RFC 6238 over RFC 4226) for rotating QR tokens (R-EMP-02): the phone computes the
/// code offline from a shared secret, and a screenshot stops working once its step and the tolerance have passed.
/// </summary>
public static class Totp
{
    public const int StepSeconds = 30;
    public const int DefaultDigits = 6;
    public const int DefaultSecretBytes = 20;

    /// <summary>The RFC 4226 counter for an instant: whole 30-second steps since the Unix epoch.</summary>
    public static long Counter(DateTimeOffset at) => Math.DivRem(at.ToUnixTimeSeconds(), StepSeconds, out var rest) - (rest < 0 ? 1 : 0);

    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Security",
        "CA5350:Do Not Use Weak Cryptographic Algorithms",
        Justification = "RFC 6238 and every authenticator app default to HMAC-SHA1; HMAC does not rely on SHA-1's collision resistance.")]
    public static int Compute(ReadOnlySpan<byte> secret, long counter, int digits = DefaultDigits, TotpAlgorithm algorithm = TotpAlgorithm.Sha1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(digits, 6);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(digits, 9);
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        Span<byte> hash = stackalloc byte[64];
        var length = algorithm switch
        {
            TotpAlgorithm.Sha1 => HMACSHA1.HashData(secret, message, hash),
            TotpAlgorithm.Sha256 => HMACSHA256.HashData(secret, message, hash),
            TotpAlgorithm.Sha512 => HMACSHA512.HashData(secret, message, hash),
        };

        // Dynamic truncation (RFC 4226 section 5.3).
        var offset = hash[length - 1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(hash.Slice(offset, 4)) & 0x7FFF_FFFF;
        return binary % Pow10(digits);
    }

    /// <summary>The code for <paramref name="at"/>, with leading zeros.</summary>
    public static string Generate(ReadOnlySpan<byte> secret, DateTimeOffset at, int digits = DefaultDigits, TotpAlgorithm algorithm = TotpAlgorithm.Sha1) =>
        Compute(secret, Counter(at), digits, algorithm).ToString(new string('0', digits), CultureInfo.InvariantCulture);

    /// <summary>
    /// True when <paramref name="code"/> is the code of the step of <paramref name="at"/> or of up to
    /// <paramref name="toleranceSteps"/> steps either side (clock drift between phone and server).
    /// Each comparison is constant-time, so response timing does not reveal how many digits matched.
    /// </summary>
    public static bool Verify(
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<char> code,
        DateTimeOffset at,
        int digits = DefaultDigits,
        TotpAlgorithm algorithm = TotpAlgorithm.Sha1,
        int toleranceSteps = 1)
    {
        if (code.Length != digits || secret.IsEmpty)
        {
            return false;
        }

        var counter = Counter(at);
        Span<char> expected = stackalloc char[digits];

        // The current step first: a fresh code, the usual case, costs one HMAC.
        for (var delta = 0; delta <= toleranceSteps; delta++)
        {
            if (Matches(secret, counter + delta, code, expected, algorithm)
                || (delta > 0 && Matches(secret, counter - delta, code, expected, algorithm)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A new random secret of <see cref="DefaultSecretBytes"/> bytes (160 bits, as RFC 4226 recommends).</summary>
    public static byte[] NewSecret()
    {
        var secret = new byte[DefaultSecretBytes];
        NewSecret(secret);
        return secret;
    }

    /// <summary>Fills <paramref name="destination"/> from the cryptographic random number generator.</summary>
    public static void NewSecret(Span<byte> destination) => RandomNumberGenerator.Fill(destination);

    /// <summary>The <c>otpauth://totp/…</c> URI that authenticator apps and the Gatehouse app import.</summary>
    public static string OtpAuthUri(ReadOnlySpan<byte> secret, string issuer, string account, int digits = DefaultDigits)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        var label = Uri.EscapeDataString(issuer) + ":" + Uri.EscapeDataString(account);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{label}?secret={Base32.Encode(secret)}&issuer={Uri.EscapeDataString(issuer)}&algorithm=SHA1&digits={digits}&period={StepSeconds}");
    }

    private static bool Matches(ReadOnlySpan<byte> secret, long counter, ReadOnlySpan<char> code, Span<char> expected, TotpAlgorithm algorithm)
    {
        var value = Compute(secret, counter, expected.Length, algorithm);
        for (var i = expected.Length - 1; i >= 0; i--)
        {
            expected[i] = (char)('0' + (value % 10));
            value /= 10;
        }

        return CryptographicOperations.FixedTimeEquals(MemoryMarshal.AsBytes(code), MemoryMarshal.AsBytes((ReadOnlySpan<char>)expected));
    }

    private static int Pow10(int digits)
    {
        var result = 1;
        for (var i = 0; i < digits; i++)
        {
            result *= 10;
        }

        return result;
    }
}
