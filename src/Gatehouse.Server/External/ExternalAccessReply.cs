namespace Gatehouse.Server.External;

/// <summary>The reply an external access source must give: <c>{"allowed": true}</c>.</summary>
public sealed record ExternalAccessReply(bool Allowed);
