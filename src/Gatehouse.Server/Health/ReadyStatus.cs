namespace Gatehouse.Server.Health;

/// <summary>The answer of <c>/readyz</c>.</summary>
public sealed record ReadyStatus(bool Ready, bool Database, bool IndexLoaded, string? Detail = null);
