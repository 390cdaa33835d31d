namespace Gatehouse.Server.Hosting;

/// <summary>The <c>Gatehouse</c> configuration section.</summary>
public sealed class GatehouseOptions
{
    public const string Section = "Gatehouse";

    public DatabaseOptions Database { get; set; } = new();

    /// <summary>Largest accepted request body (R-OPS-03); imports get <see cref="MaxImportBodyBytes"/>.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public long MaxImportBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>How long a staff bearer token or cookie stays valid.</summary>
    public TimeSpan StaffSessionLifetime { get; set; } = TimeSpan.FromHours(8);

    public SignInOptions SignIn { get; set; } = new();

    /// <summary>
    /// Scans a minute from one client address that name no known device. Each is a denial stored as an event
    /// (R-DEC-03, R-DEC-04) with no secret to check, so beyond this they are refused with 429 and not stored.
    /// </summary>
    public int MaxUnknownDeviceScansPerMinute { get; set; } = 60;

    /// <summary>Reverse proxies whose <c>X-Forwarded-For</c> is believed (<see cref="Hosting.TrustedProxies"/>); none by default.</summary>
    public string? TrustedProxies { get; set; }
}
