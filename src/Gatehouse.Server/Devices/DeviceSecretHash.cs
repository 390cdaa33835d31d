using System.Security.Cryptography;
using System.Text;

namespace Gatehouse.Server.Devices;

/// <summary>
/// A device's own secret (R-OPS-02). Only its hash is stored. The secret is 192 random bits, so a single SHA-256
/// is enough (a slow password hash would cost more than the whole scan on every request).
/// </summary>
public static class DeviceSecretHash
{
    private const string Prefix = "sha256:";

    public static string Generate() => "gh_" + Base64Url(RandomNumberGenerator.GetBytes(24));

    public static string Hash(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    public static bool Matches(string secret, string? storedHash)
    {
        if (storedHash is null || !storedHash.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), actual);
        Span<byte> expected = stackalloc byte[32];
        return Convert.FromHexString(storedHash.AsSpan(Prefix.Length), expected, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
