namespace Gatehouse.Engine.Decisions;

/// <summary>The answer to one scan (R-DEC-01).</summary>
public enum Outcome
{
    Granted,

    /// <summary>May enter, but staff should look: a manual desk waits for a receptionist, an automatic door opens.</summary>
    Warning,
    Denied,
}
