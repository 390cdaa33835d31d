namespace Gatehouse.Engine.Model;

/// <summary>What kind of area a zone is; access rules and entrance products grant zone types, not zones.</summary>
public enum ZoneType
{
    MainFloor,
    Pool,
    Spa,
    Sauna,
    StudioRoom,
    ChildCare,
    Lobby,
    OfficeFloor,
    MeetingRoom,
    ElevatorFloor,
    Parking,
}
