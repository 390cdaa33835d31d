namespace Gatehouse.Engine.Decisions;

/// <summary>
/// The pass, booking or rule that justified entry: shown in visit lists as the session's name, or "None" (R-STU-10).
/// <see cref="Id"/> is the contract, booking or product id for those kinds.
/// </summary>
public readonly record struct VisitReason(VisitReasonKind Kind, long? Id = null, string? Name = null)
{
    public static VisitReason None { get; } = new(VisitReasonKind.None);

    public string Display => Name ?? "None";
}
