using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace Gatehouse.Server.Http;

/// <summary>
/// A 200 with a JSON body sent in one piece with its Content-Length, for the device API's answers. The framework's
/// <c>TypedResults.Ok</c> streams the serializer's output, so the answer goes out chunked: the body with the
/// headers, then the closing chunk once the endpoint has returned, two sends where one does, and a transfer
/// encoding the small HTTP stacks of door controllers do not always read. A scan's answer is under a kilobyte, so
/// serializing it into a buffer first is cheap. Same JSON options as the rest of the API, and the same OpenAPI
/// description as <c>Ok&lt;T&gt;</c>.
/// </summary>
public sealed class JsonAnswer<T>(T value) : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>, IEndpointMetadataProvider
{
    public T Value => value;

    object? IValueHttpResult.Value => value;

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var body = JsonSerializer.SerializeToUtf8Bytes(value, options.GetTypeInfo(typeof(T)));
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, httpContext.RequestAborted);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
