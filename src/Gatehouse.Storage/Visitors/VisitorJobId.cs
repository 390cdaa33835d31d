using System.Globalization;

namespace Gatehouse.Storage.Visitors;

/// <summary>Typed id of one scheduled visitor job: 64-bit database identity, never 0 when stored.</summary>
public readonly record struct VisitorJobId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
