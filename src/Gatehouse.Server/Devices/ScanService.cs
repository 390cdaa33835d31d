using System.Net;
using Gatehouse.Engine;
using Gatehouse.Engine.Decisions;
using Gatehouse.Engine.Model;
using Gatehouse.Engine.Scanning;
using Gatehouse.Server.External;
using Gatehouse.Server.Problems;
using Gatehouse.Storage;

namespace Gatehouse.Server.Devices;

/// <summary>
/// The scan path: authenticate the device, replay a known request id (R-DEC-05), take the person's lock, decide
/// against the in-memory index, ask an external source if the logic says so (R-GYM-20), append the event with
/// its side effects and wait until it is durable (R-DEC-04), answer from what was stored.
/// </summary>
public sealed class ScanService(IGatehouseStore store, TimeProvider time, ExternalAccessClient external, UnknownDeviceThrottle unknownDevices)
{
    public const int MaxCredentialLength = 512;
    public const int MaxRequestIdLength = 128;

    public async Task<ApiResult<ScanResponse>> ScanAsync(
        long deviceId, DeviceCredentials? credentials, IPAddress? address, ScanRequest request, bool preVerification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(request) is { } invalid)
        {
            return invalid;
        }

        var id = new DeviceId(deviceId);
        var index = store.Index;
        var device = index.FindDevice(id);
        if (device is not null && Authenticate(device, credentials) is { } unauthorized)
        {
            return unauthorized;
        }

        if (device is null && unknownDevices.Admit(address) is { } wait)
        {
            return new ApiError.TooManyRequests($"Too many scans naming unknown devices from this address; device {deviceId} does not exist.", wait);
        }

        // A pre-verification is not the scan itself: it must not take the request id the real scan will use.
        var requestId = preVerification ? null : request.RequestId;
        if (requestId is not null && await store.FindRecentAsync(id, requestId, cancellationToken) is { } processed)
        {
            return ScanResponses.Replay(processed, index);
        }

        var scan = new Scan(
            id,
            request.Credential ?? string.Empty,
            time.GetUtcNow(),
            request.Direction,
            request.Position is { } p ? new GeoPoint(p.Latitude, p.Longitude) : null,
            preVerification,
            request.Reason);
        var person = device is null ? null : FindPerson(device, scan, index);
        using var personLock = person is { } who ? await store.PersonLocks.AcquireAsync(who, cancellationToken) : default;
        var decision = Gatekeeper.Decide(scan, index);
        if (decision.AskExternal && device is not null && index.FindLogic(device.Logic) is { } logic
            && logic.Advanced.ExternalAccessAllowed && logic.Advanced.ExternalAccessUrl is { } url)
        {
            var query = new ExternalAccessQuery(decision.Person?.Id.Value, scan.Credential, deviceId, decision.Site?.Value, decision.Zone?.Value, scan.At);
            var answer = await external.AskAsync(url, query, logic.Advanced.ExternalAccessBudgetMilliseconds, cancellationToken);
            decision = ExternalVerdict.Apply(decision, answer, logic);
        }

        var appended = await store.AppendAsync(EventAppend.From(decision, device?.Organization, requestId), cancellationToken);
        return appended.Duplicate || appended.Overruled
            ? ScanResponses.Replay(appended.Event, index)
            : ScanResponses.From(decision, appended.Event.Id.Value, requestId);
    }

    /// <summary>R-OPS-02: a known device must present its own, unrevoked secret; a wrong one is 401, not a decision.</summary>
    public ApiError? Authenticate(Device device, DeviceCredentials? credentials)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (credentials is not { } given)
        {
            return new ApiError.Unauthorized("Send the device's secret as 'Authorization: Device <id>:<secret>' or 'X-Device-Secret'.");
        }

        if (given.DeviceId != device.Id.Value)
        {
            return new ApiError.Unauthorized("The credentials name another device than the URL.");
        }

        return DeviceSecretHash.Matches(given.Secret, store.Index.FindDeviceSecretHash(device.Id))
            ? null
            : new ApiError.Unauthorized("The device secret is wrong or has been revoked.");
    }

    /// <summary>
    /// The person to lock before deciding. A plain credential is a direct lookup; a QR code is only understood by
    /// the engine, so it decides once to learn who it is (pure and fast), and again under the lock.
    /// </summary>
    private static PersonId? FindPerson(Device device, in Scan scan, AccessIndex index)
    {
        if (index.FindCredential(device.Organization, scan.Credential) is { } credential)
        {
            return credential.Person;
        }

        return scan.Credential.Length == 0 ? null : Gatekeeper.Decide(scan, index).Person?.Id;
    }

    private static ApiError.Invalid? Validate(ScanRequest request)
    {
        if (request.Credential is { Length: > MaxCredentialLength })
        {
            return ApiError.Field("credential", $"The credential is longer than {MaxCredentialLength} characters.");
        }

        if (string.IsNullOrEmpty(request.Credential) && request.Reason == EntranceReason.None)
        {
            return ApiError.Field("credential", "A credential is required (or an entrance reason for an anonymous entry).");
        }

        if (request.RequestId is { } requestId && (requestId.Length == 0 || requestId.Length > MaxRequestIdLength))
        {
            return ApiError.Field("requestId", $"The request id must have 1 to {MaxRequestIdLength} characters.");
        }

        if (request.Position is { } p && (double.Abs(p.Latitude) > 90 || double.Abs(p.Longitude) > 180))
        {
            return ApiError.Field("position", "Latitude must be within ±90 and longitude within ±180 degrees.");
        }

        return null;
    }
}
