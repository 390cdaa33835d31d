namespace Gatehouse.Storage;

/// <summary>The outcome of a store write that has expected failure modes (not found, conflict, in use).</summary>
public readonly record struct StoreResult(StoreError Error, string? Message = null)
{
    public static StoreResult Ok { get; } = new(StoreError.None);

    public bool IsOk => Error == StoreError.None;

    public static StoreResult NotFound(string message) => new(StoreError.NotFound, message);

    public static StoreResult Conflict(string message) => new(StoreError.Conflict, message);

    public static StoreResult InUse(string message) => new(StoreError.InUse, message);

    public static StoreResult Invalid(string message) => new(StoreError.Invalid, message);

    public StoreResult<T> As<T>() => new(default, Error, Message);
}
