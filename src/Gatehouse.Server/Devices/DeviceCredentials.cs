namespace Gatehouse.Server.Devices;

/// <summary>
/// What a device presents to authenticate: <c>Authorization: Device &lt;id&gt;:&lt;secret&gt;</c>, or the
/// <c>X-Device-Secret</c> header with the id taken from the route.
/// </summary>
public readonly record struct DeviceCredentials(long DeviceId, string Secret)
{
    public const string Scheme = "Device";

    public static DeviceCredentials? From(HttpRequest request, long routeDeviceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Scheme + " ", StringComparison.OrdinalIgnoreCase))
        {
            var token = authorization.AsSpan(Scheme.Length + 1).Trim();
            var colon = token.IndexOf(':');
            if (colon > 0 && long.TryParse(token[..colon], out var id) && colon < token.Length - 1)
            {
                return new DeviceCredentials(id, token[(colon + 1)..].ToString());
            }

            return null;
        }

        var header = request.Headers["X-Device-Secret"].ToString();
        return header.Length > 0 ? new DeviceCredentials(routeDeviceId, header) : null;
    }
}
