namespace Gatehouse.Server.Hosting;

/// <summary>
/// <c>Gatehouse:SignIn</c>: how many failed staff sign-ins are allowed per window before further attempts are
/// refused (429) until the window ends, per username and per client address (<see cref="Auth.SignInThrottle"/>).
/// </summary>
public sealed class SignInOptions
{
    /// <summary>Failed sign-ins for one existing username within <see cref="Window"/>; then even the right password waits.</summary>
    public int MaxFailuresPerUsername { get; set; } = 10;

    /// <summary>Failed sign-ins from one client address within <see cref="Window"/>, whatever the usernames.</summary>
    public int MaxFailuresPerAddress { get; set; } = 50;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}
