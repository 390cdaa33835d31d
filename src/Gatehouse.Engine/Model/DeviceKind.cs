namespace Gatehouse.Engine.Model;

/// <summary>The hardware behind a device; informs defaults and display, not the rules.</summary>
public enum DeviceKind
{
    Reader,
    Door,
    Turnstile,
    Gate,
    ElevatorPanel,
    ParkingBarrier,
    Kiosk,
    FrontDesk,
}
