using System.Globalization;
using System.Text;

namespace Gatehouse.Engine.Decisions;

/// <summary>
/// Renders R-GYM-13 templates: {FirstName} {LastName} {FullName} {ContractName} {ContractEnd} {Reason} {Balance}
/// {PosBalance} {VisitReason} {NextBooking}. An unknown or unclosed placeholder stays visible as written, so a
/// typo in a logic's text shows on the display instead of failing the decision.
/// </summary>
internal static class DisplayTextRenderer
{
    public static string Render(Decision decision)
    {
        var template = decision.TextTemplate;
        if (string.IsNullOrEmpty(template) || !template.Contains('{', StringComparison.Ordinal))
        {
            return template ?? string.Empty;
        }

        var text = new StringBuilder(template.Length + 32);
        var rest = template.AsSpan();
        while (!rest.IsEmpty)
        {
            var open = rest.IndexOf('{');
            var close = open < 0 ? -1 : rest[open..].IndexOf('}');
            if (close < 0)
            {
                text.Append(rest);
                break;
            }

            // "{a {FirstName}": the placeholder is the innermost pair; the stray brace stays as text.
            var inner = rest.Slice(open + 1, close - 1).LastIndexOf('{');
            if (inner >= 0)
            {
                text.Append(rest[..(open + 1 + inner)]);
                rest = rest[(open + 1 + inner)..];
                continue;
            }

            text.Append(rest[..open]);
            var token = rest.Slice(open, close + 1);
            text.Append(Value(decision, token[1..^1]) ?? token.ToString());
            rest = rest[(open + close + 1)..];
        }

        return text.ToString();
    }

    private static string? Value(Decision decision, ReadOnlySpan<char> name) => name switch
    {
        "FirstName" => decision.Person?.FirstName ?? string.Empty,
        "LastName" => decision.Person?.LastName ?? string.Empty,
        "FullName" => decision.Person?.FullName ?? string.Empty,
        "ContractName" => decision.PassInUse?.Name ?? string.Empty,
        "ContractEnd" => ContractEnd(decision),
        "Reason" => decision.Reasons.Count > 0 ? decision.Reasons[0].Message() : string.Empty,
        "Balance" => decision.AccountBalance.ToString("0.00", CultureInfo.InvariantCulture),
        "PosBalance" => decision.PosBalance.ToString("0.00", CultureInfo.InvariantCulture),
        "VisitReason" => decision.VisitReason.Display,
        "NextBooking" => NextBooking(decision),
        _ => null,
    };

    /// <summary>The last valid day in the site's calendar: validity is half-open, so "until midnight" ends the day before.</summary>
    private static string ContractEnd(Decision decision)
    {
        if (decision.PassInUse is not { } pass)
        {
            return string.Empty;
        }

        var lastInstant = pass.Validity.Until.AddTicks(-1);
        var local = decision.SiteTimeZone is null ? lastInstant : TimeZoneInfo.ConvertTime(lastInstant, decision.SiteTimeZone);
        return local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string NextBooking(Decision decision)
    {
        if (decision.NextBooking is not { } booking)
        {
            return string.Empty;
        }

        var start = decision.SiteTimeZone is null ? booking.Slot.From : TimeZoneInfo.ConvertTime(booking.Slot.From, decision.SiteTimeZone);
        var text = booking.Name + " " + start.ToString("HH:mm", CultureInfo.InvariantCulture);
        text += booking.Teacher is null ? string.Empty : " with " + booking.Teacher;
        return booking.Spot is null ? text : text + ", spot " + booking.Spot;
    }
}
