namespace Gatehouse.Storage;

/// <summary>R-OPS-01 roles.</summary>
public enum StaffRole
{
    Owner,
    Administrator,

    /// <summary>Bound to a desk device and its establishment (R-STU-02, R-STU-10).</summary>
    Receptionist,
}
