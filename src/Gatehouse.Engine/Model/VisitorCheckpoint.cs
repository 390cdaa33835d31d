namespace Gatehouse.Engine.Model;

/// <summary>Whether a granted visitor scan at this device checks the visitor in or out (R-VIS-06).</summary>
public enum VisitorCheckpoint
{
    None,
    CheckIn,
    CheckOut,

    /// <summary>In-scans check in, out-scans check out: for readers that report their direction.</summary>
    ByDirection,
}
