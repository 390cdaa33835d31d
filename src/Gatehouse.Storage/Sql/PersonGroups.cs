namespace Gatehouse.Storage.Sql;

/// <summary>
/// One per-person table's rows, grouped by person in ascending person order, so the loader can join them to the
/// people in one pass (a merge join) and build each person's snapshot once.
/// </summary>
internal sealed class PersonGroups<T>
{
    private readonly List<long> _people = [];
    private readonly List<T[]> _items = [];
    private int _next;

    /// <summary>Groups must arrive in ascending person order (the query orders by person).</summary>
    public void Add(long person, T[] items)
    {
        _people.Add(person);
        _items.Add(items);
    }

    /// <summary>
    /// The person's rows, or null. Persons must be asked in ascending order; groups of persons skipped over (rows
    /// whose person no longer exists) are passed by, as the per-row load used to ignore them.
    /// </summary>
    public T[]? Take(long person)
    {
        while (_next < _people.Count && _people[_next] < person)
        {
            _next++;
        }

        if (_next < _people.Count && _people[_next] == person)
        {
            return _items[_next++];
        }

        return null;
    }
}
