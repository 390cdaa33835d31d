namespace Gatehouse.Server.Visitors;

/// <summary>A credential the visitor holds: the invitation QR or a physical card from the desk (R-VIS-07).</summary>
public sealed record VisitorCardDto(long Id, string Kind, string Value, bool Physical, bool InactiveUntilCheckIn);
