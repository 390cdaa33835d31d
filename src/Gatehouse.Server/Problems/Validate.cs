using Gatehouse.Engine.Model;

namespace Gatehouse.Server.Problems;

/// <summary>Checks of request values that the wire format cannot express (R-OPS-03).</summary>
public static class Validate
{
    public static ApiResult<TimeWindow> Window(DateTimeOffset? from, DateTimeOffset? until, string field)
    {
        if (from is null || until is null)
        {
            return ApiError.Field(field, $"Both {field}.from and {field}.until are required.");
        }

        if (until < from)
        {
            return ApiError.Field(field, $"{field}.until ({until:O}) is before {field}.from ({from:O}).");
        }

        return new TimeWindow(from.Value, until.Value);
    }

    public static ApiError.Invalid? Name(string? value, string field, int max = 200) =>
        string.IsNullOrWhiteSpace(value) ? ApiError.Field(field, $"{field} is required.")
        : value.Length > max ? ApiError.Field(field, $"{field} is longer than {max} characters.")
        : null;

    public static ApiResult<TimeZoneInfo> TimeZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return ApiError.Field("timeZone", "timeZone is required (an IANA id such as Europe/Amsterdam).");
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : ApiError.Field("timeZone", $"'{id}' is not a known IANA time zone.");
    }
}
