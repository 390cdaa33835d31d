using System.Globalization;

namespace Gatehouse.Storage;

/// <summary>Typed id of a stored event: increases with commit order on one database.</summary>
public readonly record struct AccessEventId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
