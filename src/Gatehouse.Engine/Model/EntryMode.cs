namespace Gatehouse.Engine.Model;

/// <summary>
/// Manual: a receptionist decides at a desk, so a warning waits for a person (R-STU-07).
/// Automatic: a door opens by itself, so a warning opens it and is only recorded (R-STU-08).
/// </summary>
public enum EntryMode
{
    Automatic,
    Manual,
}
