namespace Gatehouse.Server.Credentials;

/// <summary>Which site a static QR is signed for (the logic's "check QR site" compares it, R-GYM-19).</summary>
public sealed record StaticQrRequest(long SiteId);
