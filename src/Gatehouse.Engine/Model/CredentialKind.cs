namespace Gatehouse.Engine.Model;

/// <summary>What a person presents at a reader.</summary>
public enum CredentialKind
{
    Card,
    StaticQr,
    RotatingQr,
    Pin,
    Fingerprint,
    AppToken,
}
