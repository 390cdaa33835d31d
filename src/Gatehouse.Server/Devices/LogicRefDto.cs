namespace Gatehouse.Server.Devices;

/// <summary>The access logic and the version of it that produced a decision (R-DEC-02).</summary>
public sealed record LogicRefDto(long Id, int Version);
