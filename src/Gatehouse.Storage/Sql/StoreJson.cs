using System.Text.Json;
using System.Text.Json.Serialization;
using Gatehouse.Engine.Logic;
using Gatehouse.Engine.Model;

namespace Gatehouse.Storage.Sql;

/// <summary>
/// JSON columns: access logic settings, access rules, zone-type and id lists. Enums as names so a reordered enum
/// does not silently change stored settings. Access rules go through <see cref="RuleJson"/> because WeekdaySet's
/// computed members should not be part of the stored shape.
/// </summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored JSON for {typeof(T).Name} is null.");

    public static string? WriteRules(IReadOnlyList<AccessRule>? rules) =>
        rules is null ? null : Write(rules.Select(r => new RuleJson(r.ZoneTypes.ToArray(), r.Days.Bits, r.From, r.Until)).ToArray());

    public static IReadOnlyList<AccessRule>? ReadRules(string? json) =>
        json is null ? null : Read<RuleJson[]>(json).Select(r => new AccessRule(r.ZoneTypes, new WeekdaySet(r.Days), r.From, r.Until)).ToArray();

    public static string WriteChecks(AccessLogic logic) => Write(logic.Checks);

    internal sealed record RuleJson(ZoneType[] ZoneTypes, byte Days, TimeOnly From, TimeOnly Until);
}
