using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Credentials;

/// <summary>
/// Static QR codes that cannot be forged (R-GYM-19): <c>GH1.{credentialValue}.{siteId}.{issuedUnixSeconds}.{signature}</c>,
/// where the signature is base64url of the first <see cref="SignatureBytes"/> bytes of HMAC-SHA256 under the
/// organization's key over everything before the last dot. Site and issue time are signed, so neither can be
/// edited to reuse a code elsewhere or later.
/// </summary>
public static class StaticQrCode
{
    public const string Prefix = "GH1.";

    /// <summary>128 bits of the MAC: far beyond guessing at a door, and a shorter code to print.</summary>
    public const int SignatureBytes = 16;

    /// <summary>Longer texts are refused unread, which keeps verification on the stack.</summary>
    public const int MaxLength = 512;

    private const int SignatureChars = 22;

    public static string Issue(ReadOnlySpan<byte> key, string credentialValue, SiteId site, DateTimeOffset issuedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialValue);
        if (key.IsEmpty)
        {
            throw new ArgumentException("The signing key is empty.", nameof(key));
        }

        var signed = string.Create(CultureInfo.InvariantCulture, $"{Prefix}{credentialValue}.{site.Value}.{issuedAt.ToUnixTimeSeconds()}");
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed), mac);
        var text = signed + "." + Base64Url.EncodeToString(mac[..SignatureBytes]);
        return text.Length <= MaxLength ? text : throw new ArgumentException("The credential value is too long for a QR code.", nameof(credentialValue));
    }

    public static bool HasPrefix(ReadOnlySpan<char> text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Parses <paramref name="text"/> and checks its signature in constant time; no allocation.</summary>
    public static StaticQrStatus Verify(ReadOnlySpan<byte> key, ReadOnlySpan<char> text, out StaticQr qr)
    {
        qr = default;
        if (!HasPrefix(text) || text.Length > MaxLength || key.IsEmpty)
        {
            return StaticQrStatus.Malformed;
        }

        var lastDot = text.LastIndexOf('.');
        var signed = text[..lastDot];
        var signature = text[(lastDot + 1)..];
        var issuedDot = signed.LastIndexOf('.');
        var siteDot = issuedDot > 0 ? signed[..issuedDot].LastIndexOf('.') : -1;
        if (siteDot < Prefix.Length
            || signature.Length != SignatureChars
            || !long.TryParse(signed[(siteDot + 1)..issuedDot], NumberStyles.None, CultureInfo.InvariantCulture, out var site)
            || !long.TryParse(signed[(issuedDot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var issued)
            || issued > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return StaticQrStatus.Malformed;
        }

        Span<byte> presented = stackalloc byte[SignatureBytes + 2];
        if (Base64Url.DecodeFromChars(signature, presented, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != SignatureBytes)
        {
            return StaticQrStatus.Malformed;
        }

        Span<byte> bytes = stackalloc byte[MaxLength * 3];
        var length = Encoding.UTF8.GetBytes(signed, bytes);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, bytes[..length], mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..SignatureBytes], presented[..SignatureBytes]))
        {
            return StaticQrStatus.SignatureInvalid;
        }

        qr = new StaticQr(signed[Prefix.Length..siteDot], new SiteId(site), DateTimeOffset.FromUnixTimeSeconds(issued));
        return StaticQrStatus.Genuine;
    }
}
