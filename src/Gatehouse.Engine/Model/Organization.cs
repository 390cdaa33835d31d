namespace Gatehouse.Engine.Model;

/// <summary>The customer. <see cref="QrSigningKey"/> signs static QR codes (HMAC-SHA256); it never leaves the server.</summary>
public sealed record Organization(OrganizationId Id, string Name, byte[] QrSigningKey);
