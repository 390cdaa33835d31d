using Gatehouse.Engine.Decisions;

namespace Gatehouse.Server.Devices;

/// <summary>What justified entry: the session's name, or "None" (R-DEC-02, R-STU-10).</summary>
public sealed record VisitReasonDto(VisitReasonKind Kind, long? Id, string? Name, string Display)
{
    public static VisitReasonDto From(VisitReason reason) => new(reason.Kind, reason.Id, reason.Name, reason.Display);
}
