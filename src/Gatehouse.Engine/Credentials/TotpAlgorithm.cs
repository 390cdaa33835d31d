namespace Gatehouse.Engine.Credentials;

/// <summary>The HMAC behind a TOTP code (RFC 6238). SHA-1 is what authenticator apps use by default.</summary>
public enum TotpAlgorithm
{
    Sha1,
    Sha256,
    Sha512,
}
