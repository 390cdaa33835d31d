namespace Gatehouse.Engine.Credentials;

/// <summary>
/// The text of a rotating QR (R-EMP-02): <c>GT1.{credentialValue}.{code}</c>, where the code is the TOTP of the
/// credential's secret for the current 30-second step. The app renders it offline; the engine checks the code.
/// </summary>
public static class RotatingQrCode
{
    public const string Prefix = "GT1.";

    public static string Issue(string credentialValue, ReadOnlySpan<byte> secret, DateTimeOffset at, int digits = Totp.DefaultDigits)
    {
        ArgumentException.ThrowIfNullOrEmpty(credentialValue);
        return Prefix + credentialValue + "." + Totp.Generate(secret, at, digits);
    }

    public static bool HasPrefix(ReadOnlySpan<char> text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Splits the text without allocating; the credential value may itself contain dots.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out ReadOnlySpan<char> credentialValue, out ReadOnlySpan<char> code)
    {
        credentialValue = default;
        code = default;
        if (!HasPrefix(text))
        {
            return false;
        }

        var body = text[Prefix.Length..];
        var dot = body.LastIndexOf('.');
        if (dot <= 0 || dot == body.Length - 1)
        {
            return false;
        }

        credentialValue = body[..dot];
        code = body[(dot + 1)..];
        return true;
    }
}
