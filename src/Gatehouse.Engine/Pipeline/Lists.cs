namespace Gatehouse.Engine.Pipeline;

/// <summary>Membership tests over read-only lists by index: no enumerator, no LINQ, no allocation on the scan path.</summary>
internal static class Lists
{
    public static bool Has<T>(IReadOnlyList<T>? list, T item)
    {
        if (list is null)
        {
            return false;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Null or empty means "any", as for zone types and sites on contracts and bookings.</summary>
    public static bool AnyOrHas<T>(IReadOnlyList<T>? list, T item) => list is null || list.Count == 0 || Has(list, item);
}
