namespace Gatehouse.Engine.Model;

/// <summary>A set of weekdays as bits (Sunday = bit 0, as <see cref="DayOfWeek"/>), so checks allocate nothing.</summary>
public readonly record struct WeekdaySet(byte Bits)
{
    public static WeekdaySet All { get; } = new(0b111_1111);

    public static WeekdaySet Weekdays { get; } = Of(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);

    public static WeekdaySet Of(params DayOfWeek[] days)
    {
        byte bits = 0;
        foreach (var day in days)
        {
            bits |= (byte)(1 << (int)day);
        }

        return new WeekdaySet(bits);
    }

    public bool Contains(DayOfWeek day) => (Bits & (1 << (int)day)) != 0;

    public IEnumerable<DayOfWeek> Days => Enum.GetValues<DayOfWeek>().Where(Contains);
}
