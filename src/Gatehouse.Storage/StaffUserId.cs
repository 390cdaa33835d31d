using System.Globalization;

namespace Gatehouse.Storage;

/// <summary>Typed id of a staff user (someone who signs in).</summary>
public readonly record struct StaffUserId(long Value)
{
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
