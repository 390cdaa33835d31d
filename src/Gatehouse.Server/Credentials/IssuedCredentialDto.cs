namespace Gatehouse.Server.Credentials;

/// <summary>
/// A newly issued credential. <see cref="QrText"/> and <see cref="QrPngBase64"/> for a static QR (signed for one
/// site, R-GYM-19); <see cref="RotatingSecretBase32"/> for a rotating QR's app (R-EMP-02), shown only this once.
/// </summary>
public sealed record IssuedCredentialDto(CredentialDto Credential, string? QrText = null, string? QrPngBase64 = null, string? RotatingSecretBase32 = null);
