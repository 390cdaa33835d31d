using System.Globalization;

namespace Gatehouse.Engine.Model;

/// <summary>Typed id of a company: 64-bit database identity, never 0 when stored.</summary>
public readonly record struct CompanyId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
