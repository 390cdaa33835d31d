using Gatehouse.Engine.Model;

namespace Gatehouse.Storage;

/// <summary>A device's authentication secret, by hash only (R-OPS-02). Active while <see cref="RevokedAt"/> is null.</summary>
public sealed record DeviceSecret(long Id, DeviceId Device, string SecretHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public bool IsActive => RevokedAt is null;
}
