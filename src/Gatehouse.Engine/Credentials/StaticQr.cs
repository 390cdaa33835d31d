using Gatehouse.Engine.Model;

namespace Gatehouse.Engine.Credentials;

/// <summary>The parts of a static QR, pointing into the scanned text (no copy on the scan path).</summary>
public readonly ref struct StaticQr(ReadOnlySpan<char> credentialValue, SiteId site, DateTimeOffset issuedAt)
{
    public ReadOnlySpan<char> CredentialValue { get; } = credentialValue;

    public SiteId Site { get; } = site;

    public DateTimeOffset IssuedAt { get; } = issuedAt;

    /// <summary>Valid in <c>[IssuedAt, IssuedAt + validity)</c> (R-GYM-19): at exactly the validity it has expired.</summary>
    public bool IsExpiredAt(DateTimeOffset at, TimeSpan validity) => at >= IssuedAt + validity;

    public bool IsIssuedAfter(DateTimeOffset at) => at < IssuedAt;
}
