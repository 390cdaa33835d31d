namespace Gatehouse.Server.Auth;

/// <summary>A staff user's sign-in (R-OPS-01).</summary>
public sealed record SignInRequest(string? Username, string? Password);
