using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Devices;

/// <summary>The pass in use (R-STU-09).</summary>
public sealed record PassDto(long Id, string Name, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, bool IsMain)
{
    public static PassDto? From(Contract? contract) => contract is null
        ? null
        : new PassDto(contract.Id.Value, contract.Name, contract.Validity.From, contract.Validity.Until, contract.IsMain);
}
