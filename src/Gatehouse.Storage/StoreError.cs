namespace Gatehouse.Storage;

/// <summary>Why a store call did not do what was asked. Expected outcomes are values, not exceptions.</summary>
public enum StoreError
{
    None,

    /// <summary>The row, or a row it refers to, does not exist in the caller's organization.</summary>
    NotFound,

    /// <summary>A unique value is taken (credential value, username) or the state already changed (already present).</summary>
    Conflict,

    /// <summary>The row is still referenced (an access logic used by a device, R-GYM-01).</summary>
    InUse,

    /// <summary>The input breaks a rule the store enforces (unknown time zone, id given on create, …).</summary>
    Invalid,
}
