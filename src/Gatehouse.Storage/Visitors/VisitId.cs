using System.Globalization;

namespace Gatehouse.Storage.Visitors;

/// <summary>Typed id of one pre-registered visit: 64-bit database identity, never 0 when stored.</summary>
public readonly record struct VisitId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
