namespace Gatehouse.Server.External;

/// <summary>The question sent to an external access source: who, with what, where, when.</summary>
public sealed record ExternalAccessQuery(
    long? PersonId,
    string Credential,
    long DeviceId,
    long? SiteId,
    long? ZoneId,
    DateTimeOffset At);
