using System.Text.Json.Nodes;

namespace Gatehouse.Server.Scim;

/// <summary>The attributes of a User that Gatehouse keeps, as read from a POST/PUT body or changed by a PATCH.</summary>
public sealed record ScimUserInput(string UserName, string? ExternalId, string GivenName, string FamilyName, string? Email, bool Active)
{
    public const int MaxLength = 200;

    /// <summary>A full resource (POST, PUT). Missing names fall back to displayName, then userName.</summary>
    public static ScimUserInput? Parse(JsonNode? body, out string? error)
    {
        error = null;
        if (body is not JsonObject user)
        {
            error = "The body must be a SCIM User object.";
            return null;
        }

        var userName = ScimJson.String(ScimJson.Get(user, "userName"))?.Trim();
        if (string.IsNullOrEmpty(userName) || userName.Length > MaxLength)
        {
            error = "userName is required (at most 200 characters).";
            return null;
        }

        var name = ScimJson.Get(user, "name") as JsonObject;
        var display = ScimJson.String(ScimJson.Get(user, "displayName"))?.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries) ?? [];
        var given = ScimJson.String(ScimJson.Get(name, "givenName")) ?? display.ElementAtOrDefault(0) ?? userName;
        var family = ScimJson.String(ScimJson.Get(name, "familyName")) ?? display.ElementAtOrDefault(1) ?? userName;
        var email = ScimJson.Email(ScimJson.Get(user, "emails")) ?? (userName.Contains('@', StringComparison.Ordinal) ? userName : null);
        return new ScimUserInput(
            userName,
            ScimJson.String(ScimJson.Get(user, "externalId")),
            given,
            family,
            email,
            ScimJson.Bool(ScimJson.Get(user, "active")) ?? true);
    }

    /// <summary>
    /// Applies a PatchOp (RFC 7644 §3.5.2): add/replace with a path (active, userName, externalId, name.givenName,
    /// name.familyName, emails…) or without one (an object of attributes), and remove of externalId. Attributes
    /// Gatehouse does not keep are ignored, as identity providers send many.
    /// </summary>
    public ScimUserInput? Patch(JsonNode? body, out string? error)
    {
        error = null;
        if (ScimJson.Get(body as JsonObject, "Operations") is not JsonArray operations)
        {
            error = "A PatchOp needs an Operations array.";
            return null;
        }

        var result = this;
        foreach (var operation in operations.OfType<JsonObject>())
        {
            var op = ScimJson.String(ScimJson.Get(operation, "op"))?.ToLowerInvariant();
            var path = ScimJson.String(ScimJson.Get(operation, "path"));
            var value = ScimJson.Get(operation, "value");
            switch (op)
            {
                case "add" or "replace" when path is null && value is JsonObject attributes:
                    foreach (var (key, attribute) in attributes)
                    {
                        result = result.Set(key, attribute);
                    }

                    break;
                case "add" or "replace" when path is not null:
                    result = result.Set(path, value);
                    break;
                case "remove" when string.Equals(path, "externalId", StringComparison.OrdinalIgnoreCase):
                    result = result with { ExternalId = null };
                    break;
                case "remove":
                    break;
                default:
                    error = $"Unsupported patch operation '{op}'.";
                    return null;
            }
        }

        return result;
    }

    private ScimUserInput Set(string path, JsonNode? value)
    {
        var key = path.ToLowerInvariant();
        if (key.StartsWith("emails", StringComparison.Ordinal))
        {
            return ScimJson.Email(value) is { } email ? this with { Email = email } : this;
        }

        return key switch
        {
            "active" => ScimJson.Bool(value) is { } active ? this with { Active = active } : this,
            "username" => ScimJson.String(value) is { Length: > 0 and <= MaxLength } userName ? this with { UserName = userName } : this,
            "externalid" => this with { ExternalId = ScimJson.String(value) },
            "name.givenname" => ScimJson.String(value) is { Length: > 0 } given ? this with { GivenName = given } : this,
            "name.familyname" => ScimJson.String(value) is { Length: > 0 } family ? this with { FamilyName = family } : this,
            "name" when value is JsonObject name => this with
            {
                GivenName = ScimJson.String(ScimJson.Get(name, "givenName")) ?? GivenName,
                FamilyName = ScimJson.String(ScimJson.Get(name, "familyName")) ?? FamilyName,
            },
            _ => this,
        };
    }
}
