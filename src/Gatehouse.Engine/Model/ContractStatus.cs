namespace Gatehouse.Engine.Model;

/// <summary>The lifecycle state of a contract or pass.</summary>
public enum ContractStatus
{
    Active,
    Blocked,

    /// <summary>Its invoice was cancelled, so the pass was taken back (R-STU-04).</summary>
    Reverted,
    Cancelled,
}
