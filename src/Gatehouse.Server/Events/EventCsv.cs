using System.Globalization;
using System.Text;
using Gatehouse.Engine.Scanning;
using Gatehouse.Storage;

namespace Gatehouse.Server.Events;

/// <summary>The access monitoring report as CSV (R-STU-11), written as the events stream in, never all in memory.</summary>
public static class EventCsv
{
    public const string Header = "id,at,outcome,reasons,device_id,site_id,zone_id,person_id,person_name,credential_id,direction,mode,logic_id,logic_version,visit_reason,display_text,staff_decision";

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AccessEvent> events, IAccessDirectory directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var writer = new StreamWriter(body, new UTF8Encoding(false), 16 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(Header);
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(Line(e, directory));
        }
    }

    public static string Line(AccessEvent e, IAccessDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(directory);
        var person = e.Person is { } p ? directory.FindEntitlements(p)?.Person?.FullName : null;
        var staff = e.StaffDecision is { } d ? (d.Allowed ? "allowed" : "refused") + " by " + d.By.Value.ToString(CultureInfo.InvariantCulture) : null;
        string?[] fields =
        [
            e.Id.Value.ToString(CultureInfo.InvariantCulture), e.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), e.Outcome.ToString(),
            string.Join(' ', e.Reasons), e.Device.Value.ToString(CultureInfo.InvariantCulture), e.Site?.ToString(), e.Zone?.ToString(),
            e.Person?.ToString(), person, e.Credential?.ToString(), e.Direction.ToString(), e.Mode.ToString(), e.Logic?.ToString(),
            e.LogicVersion.ToString(CultureInfo.InvariantCulture), e.VisitReason.Display, e.DisplayText, staff,
        ];
        return string.Join(',', fields.Select(Escape));
    }

    /// <summary>RFC 4180 quoting, and a leading quote mark for cells a spreadsheet would run as a formula.</summary>
    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
