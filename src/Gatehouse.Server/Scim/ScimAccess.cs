using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.Server.Hosting;
using Gatehouse.Storage.Visitors;

namespace Gatehouse.Server.Scim;

/// <summary>
/// SCIM clients authenticate with their organization's own bearer token (not a staff sign-in). Only the token's
/// SHA-256 is stored: it is 256 random bits, so a fast hash is enough and a lookup by hash is constant work.
/// </summary>
public static class ScimAccess
{
    private const string GrantKey = "gatehouse:scim-grant";

    /// <summary>SCIM JSON: the API's conventions, without null attributes (SCIM omits unassigned attributes).</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonDefaults.Options) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static ScimGrant GrantOf(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return (ScimGrant)http.Items[GrantKey]!;
    }

    public static async ValueTask<object?> RequireTokenAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var grant = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7
            ? await http.RequestServices.GetRequiredService<IVisitorStore>().FindScimTokenAsync(Hash(header[7..].Trim()), http.RequestAborted)
            : null;
        if (grant is null)
        {
            return Reply(ScimError.Of(StatusCodes.Status401Unauthorized, "Send the organization's SCIM token as 'Authorization: Bearer <token>'."));
        }

        http.Items[GrantKey] = grant;
        return await next(context);
    }

    public static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<T> Reply<T>(T value, int status = StatusCodes.Status200OK) =>
        TypedResults.Json(value, Json, ScimSchemas.MediaType, status);

    public static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<ScimError> Reply(ScimError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return TypedResults.Json(error, Json, ScimSchemas.MediaType, error.StatusCode);
    }
}
