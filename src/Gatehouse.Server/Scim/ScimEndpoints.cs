using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gatehouse.Server.Scim;

/// <summary>
/// SCIM 2.0 <c>/scim/v2/Users</c> (R-EMP-06): create, read, replace, patch, delete, and the filter
/// <c>userName eq "…"</c>, in <c>application/scim+json</c> with SCIM's error schema.
/// </summary>
public static partial class ScimEndpoints
{
    public static IEndpointRouteBuilder MapScimUsers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/scim/v2/Users").WithTags("SCIM 2.0").AllowAnonymous().AddEndpointFilter(ScimAccess.RequireTokenAsync);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id}", ReplaceAsync);
        group.MapPatch("/{id}", PatchAsync);
        group.MapDelete("/{id}", DeleteAsync);
        return app;
    }

    private static async Task<Results<JsonHttpResult<ScimListResponse>, JsonHttpResult<ScimError>>> ListAsync(
        string? filter, int? startIndex, int? count, HttpContext http, ScimUsers users, CancellationToken ct)
    {
        string? userName = null;
        if (!string.IsNullOrWhiteSpace(filter))
        {
            var match = UserNameFilter().Match(filter);
            if (!match.Success)
            {
                return ScimAccess.Reply(ScimError.Of(StatusCodes.Status400BadRequest, "Only the filter 'userName eq \"…\"' is supported.", "invalidFilter"));
            }

            userName = Regex.Unescape(match.Groups[1].Value);
        }

        var all = await users.ListAsync(ScimAccess.GrantOf(http), userName, BaseUrl(http), ct);
        var start = Math.Max(startIndex ?? 1, 1);
        var page = all.Skip(start - 1).Take(Math.Clamp(count ?? 100, 0, 1000)).ToArray();
        return ScimAccess.Reply(new ScimListResponse([ScimSchemas.ListResponse], all.Count, start, page.Length, page));
    }

    private static async Task<Results<JsonHttpResult<ScimUser>, JsonHttpResult<ScimError>>> GetAsync(string id, HttpContext http, ScimUsers users, CancellationToken ct) =>
        Reply(await users.GetAsync(ScimAccess.GrantOf(http), id, BaseUrl(http), ct), StatusCodes.Status200OK);

    private static async Task<Results<JsonHttpResult<ScimUser>, JsonHttpResult<ScimError>>> CreateAsync(HttpContext http, ScimUsers users, CancellationToken ct)
    {
        var input = ScimUserInput.Parse(await ReadAsync(http, ct), out var error);
        return input is null
            ? ScimAccess.Reply(ScimError.Of(StatusCodes.Status400BadRequest, error!, "invalidValue"))
            : Reply(await users.CreateAsync(ScimAccess.GrantOf(http), input, BaseUrl(http), ct), StatusCodes.Status201Created);
    }

    private static async Task<Results<JsonHttpResult<ScimUser>, JsonHttpResult<ScimError>>> ReplaceAsync(string id, HttpContext http, ScimUsers users, CancellationToken ct)
    {
        var input = ScimUserInput.Parse(await ReadAsync(http, ct), out var error);
        return input is null
            ? ScimAccess.Reply(ScimError.Of(StatusCodes.Status400BadRequest, error!, "invalidValue"))
            : Reply(await users.ReplaceAsync(ScimAccess.GrantOf(http), id, input, BaseUrl(http), ct), StatusCodes.Status200OK);
    }

    private static async Task<Results<JsonHttpResult<ScimUser>, JsonHttpResult<ScimError>>> PatchAsync(string id, HttpContext http, ScimUsers users, CancellationToken ct) =>
        Reply(await users.PatchAsync(ScimAccess.GrantOf(http), id, await ReadAsync(http, ct), BaseUrl(http), ct), StatusCodes.Status200OK);

    private static async Task<Results<NoContent, JsonHttpResult<ScimError>>> DeleteAsync(string id, HttpContext http, ScimUsers users, CancellationToken ct) =>
        await users.DeleteAsync(ScimAccess.GrantOf(http), id, ct) is { } error ? ScimAccess.Reply(ScimError.From(error)) : TypedResults.NoContent();

    private static Results<JsonHttpResult<ScimUser>, JsonHttpResult<ScimError>> Reply(Problems.ApiResult<ScimUser> result, int status) =>
        result.Error is { } error ? ScimAccess.Reply(ScimError.From(error)) : ScimAccess.Reply(result.Value!, status);

    /// <summary>Malformed JSON reads as null, which every caller reports as a SCIM invalidValue/invalidSyntax error.</summary>
    private static async Task<JsonNode?> ReadAsync(HttpContext http, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string BaseUrl(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";

    [GeneratedRegex("""^\s*userName\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UserNameFilter();
}
