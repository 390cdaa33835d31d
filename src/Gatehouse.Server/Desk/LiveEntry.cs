using System.Text.Json.Serialization;
using Gatehouse.Engine.Decisions;
using Gatehouse.Storage;

namespace Gatehouse.Server.Desk;

/// <summary>
/// What the live feed tells a page about a new entry: enough to decide whether to reload a part.
/// <see cref="Notify"/>: the logic asks to notify the front desk and open the profile there (R-GYM-21).
/// </summary>
public sealed record LiveEntry(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("device")] long Device,
    [property: JsonPropertyName("site")] long? Site,
    [property: JsonPropertyName("person")] long? Person,
    [property: JsonPropertyName("outcome")] string Outcome,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("notify")] bool Notify)
{
    public static LiveEntry From(AccessEvent stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new LiveEntry(stored.Id.Value, stored.Device.Value, stored.Site?.Value, stored.Person?.Value, stored.Outcome.ToString(), stored.Mode.ToString(),
            (stored.Actions & (DecisionActions.NotifyFrontDesk | DecisionActions.OpenProfileAtFrontDesk)) != 0);
    }
}
