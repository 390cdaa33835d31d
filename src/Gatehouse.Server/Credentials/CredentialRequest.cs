using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Credentials;

/// <summary>
/// Issue a credential. <see cref="Value"/> is the card number, PIN, fingerprint reference or token; left empty for
/// QR kinds, a random one is made. A rotating QR gets a fresh TOTP secret, returned once (R-EMP-02).
/// </summary>
public sealed record CredentialRequest(
    CredentialKind Kind,
    string? Value = null,
    CredentialFlags Flags = CredentialFlags.None,
    DateTimeOffset? ValidFrom = null,
    DateTimeOffset? ValidUntil = null);
