using System.Globalization;
using Gatehouse.Storage;

namespace Gatehouse.Server.Events;

/// <summary>The paging cursor as an opaque-looking string: <c>unix-milliseconds.event-id</c>.</summary>
public static class EventCursorText
{
    public static string Format(EventCursor cursor) =>
        string.Create(CultureInfo.InvariantCulture, $"{cursor.At.ToUnixTimeMilliseconds()}.{cursor.Id.Value}");

    public static bool TryParse(string? text, out EventCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0
            && long.TryParse(text.AsSpan(0, dot), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            && long.TryParse(text.AsSpan(dot + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            && ms is >= -62135596800000 and <= 253402300799999)
        {
            cursor = new EventCursor(DateTimeOffset.FromUnixTimeMilliseconds(ms), new AccessEventId(id));
            return true;
        }

        return false;
    }
}
