namespace Gatehouse.Server.Devices;

/// <summary>
/// Endpoint metadata: the caller is a device that proves itself with its own secret (<see cref="DeviceCredentials"/>),
/// so the staff sign-in schemes are not run for the call (see <c>ServerApp.UsePipeline</c>).
/// </summary>
public sealed class DeviceCaller
{
    public static readonly DeviceCaller Instance = new();

    private DeviceCaller()
    {
    }
}
