namespace Gatehouse.Engine.Model;

/// <summary>
/// What a person presents. <see cref="Value"/> is the card number, PIN, fingerprint reference, app token or
/// the QR's credential number; <see cref="Secret"/> is the TOTP secret of a rotating QR (R-EMP-02), null otherwise.
/// <see cref="Validity"/> null means no end. <see cref="LastGrantedAt"/> is the stored value; the engine asks
/// <see cref="Scanning.IAccessDirectory.FindLastGrant"/>, since a directory may keep it apart from the record.
/// </summary>
public sealed record Credential(
    CredentialId Id,
    PersonId Person,
    CredentialKind Kind,
    string Value,
    CredentialFlags Flags = CredentialFlags.None,
    TimeWindow? Validity = null,
    byte[]? Secret = null,
    DateTimeOffset? LastGrantedAt = null)
{
    public bool Has(CredentialFlags flag) => (Flags & flag) == flag;
}
