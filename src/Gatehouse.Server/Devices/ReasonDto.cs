using Gatehouse.Engine.Decisions;

namespace Gatehouse.Server.Devices;

/// <summary>One failed or warning check of a decision (R-DEC-01), with how staff can address a warning.</summary>
public sealed record ReasonDto(ReasonCode Code, string Message, bool Warning, string? Remedy)
{
    public static ReasonDto From(ReasonCode code) => new(code, code.Message(), code.IsWarning(), code.Remedy());
}
