namespace Gatehouse.Server.Visitors;

/// <summary>What a kiosk sends: the text of the QR it scanned (or a card number), and an optional request id (R-DEC-05).</summary>
public sealed record KioskRequest(string Credential, string? RequestId = null);
