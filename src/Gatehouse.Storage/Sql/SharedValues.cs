namespace Gatehouse.Storage.Sql;

/// <summary>
/// Values that many rows repeat — first names, contract and product names, stored access rules, zone-type lists —
/// shared while the index loads, so a million members on the same "Unlimited" contract hold one name and one parsed
/// rule list instead of a million copies. Everything shared is immutable (strings, records, arrays exposed only as
/// read-only lists), so sharing is invisible to readers. Not thread-safe: one instance per reading thread.
/// </summary>
internal sealed class SharedValues
{
    // Direct-mapped and fixed-size: a miss only costs the duplicate string, so names that never repeat
    // (card-unique last names) cannot grow it, and the common ones stay hot.
    private const int StringSlots = 8192;

    // Parsed JSON is cached whole; past this many distinct texts the rest is parsed per row as before.
    private const int MaxParsed = 4096;

    private readonly string?[] _strings = new string?[StringSlots];
    private readonly Dictionary<(Type, string), object> _parsed = [];

    public string String(string value)
    {
        var slot = value.GetHashCode() & (StringSlots - 1);
        var held = _strings[slot];
        if (held is not null && string.Equals(held, value, StringComparison.Ordinal))
        {
            return held;
        }

        _strings[slot] = value;
        return value;
    }

    public T Parsed<T>(string json, Func<string, T> parse)
        where T : class
    {
        if (_parsed.TryGetValue((typeof(T), json), out var held))
        {
            return (T)held;
        }

        var value = parse(json);
        if (_parsed.Count < MaxParsed)
        {
            _parsed[(typeof(T), json)] = value;
        }

        return value;
    }
}
