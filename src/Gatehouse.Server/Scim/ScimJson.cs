using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gatehouse.Server.Scim;

/// <summary>
/// Lenient reads of SCIM JSON: attribute names are case-insensitive (RFC 7643 §2.1) and some identity providers
/// send booleans as the strings "True"/"False".
/// </summary>
internal static class ScimJson
{
    public static JsonNode? Get(JsonObject? node, string name)
    {
        if (node is null)
        {
            return null;
        }

        foreach (var (key, value) in node)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool? Bool(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The primary (else first) address of an <c>emails</c> array, or a plain string.</summary>
    public static string? Email(JsonNode? emails)
    {
        if (String(emails) is { } plain)
        {
            return plain;
        }

        if (emails is not JsonArray array)
        {
            return null;
        }

        var objects = array.OfType<JsonObject>().ToArray();
        var chosen = objects.FirstOrDefault(e => Bool(Get(e, "primary")) == true) ?? objects.FirstOrDefault();
        return String(Get(chosen, "value"));
    }
}
